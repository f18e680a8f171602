package org.custodian.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;

/** Calls that arrive while a run works are served together by the next run, each after its patients were handled. */
class CoalescingRecheckTest {
    /** Counts the transactions begun and committed; the runs' own transactions need no database here. */
    static final class CountingTransactions extends AbstractPlatformTransactionManager {
        final AtomicInteger committed = new AtomicInteger();
        final AtomicInteger rolledBack = new AtomicInteger();

        @Override
        protected Object doGetTransaction() {
            return new Object();
        }

        @Override
        protected void doBegin(Object transaction, TransactionDefinition definition) {
        }

        @Override
        protected void doCommit(DefaultTransactionStatus status) {
            committed.incrementAndGet();
        }

        @Override
        protected void doRollback(DefaultTransactionStatus status) {
            rolledBack.incrementAndGet();
        }
    }

    @Test
    void callsArrivingWhileARunWorksAreServedByOneRunAndReturnAfterIt() throws Exception {
        CountingTransactions transactions = new CountingTransactions();
        CountDownLatch firstRunStarted = new CountDownLatch(1);
        CountDownLatch releaseFirstRun = new CountDownLatch(1);
        List<Set<UUID>> runs = new ArrayList<>();
        Set<UUID> handled = ConcurrentHashMap.newKeySet();
        CoalescingRecheck recheck = new CoalescingRecheck(transactions, patients -> {
            synchronized (runs) {
                runs.add(Set.copyOf(patients));
            }
            firstRunStarted.countDown();
            await(releaseFirstRun);
            handled.addAll(patients);
        });
        UUID first = UUID.randomUUID();
        Thread leader = Thread.ofVirtual().start(() -> recheck.run(Set.of(first)));
        assertThat(firstRunStarted.await(10, TimeUnit.SECONDS)).isTrue();

        List<UUID> later = new ArrayList<>();
        List<Thread> followers = new ArrayList<>();
        Set<UUID> unhandledWhenReturned = ConcurrentHashMap.newKeySet();
        for (int i = 0; i < 20; i++) {
            UUID patient = UUID.randomUUID();
            later.add(patient);
            followers.add(Thread.ofVirtual().start(() -> {
                recheck.run(Set.of(patient));
                if (!handled.contains(patient)) {
                    unhandledWhenReturned.add(patient);
                }
            }));
        }
        Thread.sleep(200); // the twenty calls queue behind the first run
        releaseFirstRun.countDown();
        leader.join();
        for (Thread t : followers) {
            t.join();
        }

        assertThat(unhandledWhenReturned).as("no call returns before its patients were handled").isEmpty();
        assertThat(runs.getFirst()).containsExactly(first);
        assertThat(runs.size()).as("twenty calls, one run after the first").isEqualTo(2);
        assertThat(runs.get(1)).containsExactlyInAnyOrderElementsOf(later);
        assertThat(transactions.committed).as("each run commits on its own").hasValue(2);
    }

    @Test
    void everyCallServedByAFailedRunThrowsItsFailureAndTheRunRollsBack() {
        CountingTransactions transactions = new CountingTransactions();
        CoalescingRecheck recheck = new CoalescingRecheck(transactions, patients -> {
            throw new IllegalStateException("roll-up row locked");
        });

        assertThatThrownBy(() -> recheck.run(Set.of(UUID.randomUUID())))
                .isInstanceOf(IllegalStateException.class).hasMessage("roll-up row locked");
        assertThat(transactions.rolledBack).hasValue(1);
        assertThat(transactions.committed).hasValue(0);
    }

    @Test
    void aBacklogLargerThanOneRunTakesIsWorkedOffInBoundedRuns() throws Exception {
        CountingTransactions transactions = new CountingTransactions();
        CountDownLatch firstRunStarted = new CountDownLatch(1);
        CountDownLatch releaseFirstRun = new CountDownLatch(1);
        List<Integer> sizes = new ArrayList<>();
        Set<UUID> handled = ConcurrentHashMap.newKeySet();
        CoalescingRecheck recheck = new CoalescingRecheck(transactions, patients -> {
            synchronized (sizes) {
                sizes.add(patients.size());
            }
            firstRunStarted.countDown();
            await(releaseFirstRun);
            handled.addAll(patients);
        });
        Thread leader = Thread.ofVirtual().start(() -> recheck.run(Set.of(UUID.randomUUID())));
        assertThat(firstRunStarted.await(10, TimeUnit.SECONDS)).isTrue();
        Set<UUID> backlog = new HashSet<>();
        List<Thread> calls = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Set<UUID> patients = new HashSet<>();
            for (int j = 0; j < CoalescingRecheck.MAX_PATIENTS / 2; j++) {
                patients.add(UUID.randomUUID());
            }
            backlog.addAll(patients);
            calls.add(Thread.ofVirtual().start(() -> recheck.run(patients)));
        }
        Thread.sleep(200);
        releaseFirstRun.countDown();
        leader.join();
        for (Thread t : calls) {
            t.join();
        }

        assertThat(handled).containsAll(backlog);
        assertThat(sizes.subList(1, sizes.size())).allSatisfy(size -> assertThat(size).isLessThanOrEqualTo(CoalescingRecheck.MAX_PATIENTS));
        assertThat(sizes).hasSize(4);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
