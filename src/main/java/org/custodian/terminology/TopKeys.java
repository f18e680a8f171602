package org.custodian.terminology;

import java.util.Arrays;

/** Keeps the {@code k} smallest keys offered (a bounded max-heap), without boxing; callers offer each key once. */
final class TopKeys {
    private final long[] heap;
    private int size;

    TopKeys(int k) {
        heap = new long[k];
    }

    void offer(long key) {
        if (size < heap.length) {
            heap[size] = key;
            siftUp(size++);
        } else if (key < heap[0]) {
            heap[0] = key;
            siftDown(0);
        }
    }

    boolean full() {
        return size == heap.length;
    }

    /** The largest key kept; meaningful when {@link #full()}. */
    long worst() {
        return heap[0];
    }

    long[] sorted() {
        long[] out = Arrays.copyOf(heap, size);
        Arrays.sort(out);
        return out;
    }

    private void siftUp(int i) {
        while (i > 0) {
            int parent = (i - 1) / 2;
            if (heap[parent] >= heap[i]) {
                return;
            }
            swap(i, parent);
            i = parent;
        }
    }

    private void siftDown(int i) {
        while (true) {
            int left = 2 * i + 1;
            int largest = i;
            if (left < size && heap[left] > heap[largest]) {
                largest = left;
            }
            if (left + 1 < size && heap[left + 1] > heap[largest]) {
                largest = left + 1;
            }
            if (largest == i) {
                return;
            }
            swap(i, largest);
            i = largest;
        }
    }

    private void swap(int a, int b) {
        long t = heap[a];
        heap[a] = heap[b];
        heap[b] = t;
    }
}
