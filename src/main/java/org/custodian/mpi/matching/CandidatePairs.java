package org.custodian.mpi.matching;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The blocks of records sharing a key under each {@link BlockingRule}, and the pairs inside them.
 * Keys are held as 64-bit hashes (8 bytes a record a rule), so a million records block in memory.
 * A block larger than {@link #MAX_BLOCK} is a key too common to tell people apart (a placeholder
 * phone shared by thousands); it is skipped and counted, and the other rules still reach its pairs.
 */
public final class CandidatePairs {
    public static final int MAX_BLOCK = 2_000;
    private static final BlockingRule[] RULES = BlockingRule.values();
    private static final int INDEX_BITS = 24;

    private final long[][] keys;
    private final List<Block> blocks;
    private final long skippedPairs;

    /** Members of one block under one rule (indexes into the record list). */
    public record Block(int rule, int[] members) {
        public long pairCount() {
            return (long) members.length * (members.length - 1) / 2;
        }
    }

    /** Receives each candidate pair once, with the bit set of every rule the pair shares a key under. */
    @FunctionalInterface
    public interface PairVisitor {
        void visit(int a, int b, int ruleMask);
    }

    private CandidatePairs(long[][] keys, List<Block> blocks, long skippedPairs) {
        this.keys = keys;
        this.blocks = blocks;
        this.skippedPairs = skippedPairs;
    }

    public static CandidatePairs of(List<Prepared> records) {
        if (records.size() >= 1 << INDEX_BITS) {
            throw new IllegalArgumentException("at most " + ((1 << INDEX_BITS) - 1) + " records in one run");
        }
        long[][] keys = new long[RULES.length][records.size()];
        List<Block> blocks = new ArrayList<>();
        long skipped = 0;
        for (BlockingRule rule : RULES) {
            long[] ruleKeys = keys[rule.ordinal()];
            long[] sorted = new long[records.size()];
            int used = 0;
            for (int i = 0; i < records.size(); i++) {
                String key = rule.key(records.get(i));
                ruleKeys[i] = key == null ? 0 : hash(rule.name() + '\u0000' + key);
                if (ruleKeys[i] != 0) {
                    sorted[used++] = (ruleKeys[i] >>> INDEX_BITS) << INDEX_BITS | i;
                }
            }
            Arrays.sort(sorted, 0, used);
            int start = 0;
            for (int i = 1; i <= used; i++) {
                if (i == used || sorted[i] >>> INDEX_BITS != sorted[start] >>> INDEX_BITS) {
                    int size = i - start;
                    if (size > MAX_BLOCK) {
                        skipped += (long) size * (size - 1) / 2;
                    } else if (size > 1) {
                        int[] members = new int[size];
                        for (int k = 0; k < size; k++) {
                            members[k] = (int) (sorted[start + k] & ((1 << INDEX_BITS) - 1));
                        }
                        blocks.add(new Block(rule.ordinal(), members));
                    }
                    start = i;
                }
            }
        }
        return new CandidatePairs(keys, List.copyOf(blocks), skipped);
    }

    public List<Block> blocks() {
        return blocks;
    }

    /** Pairs left uncompared because their block was larger than {@link #MAX_BLOCK}. */
    public long skippedPairs() {
        return skippedPairs;
    }

    /** Visits the block's pairs that no earlier rule already produced; returns how many it visited. */
    public long visit(Block block, PairVisitor visitor) {
        int[] members = block.members();
        int rule = block.rule();
        long visited = 0;
        for (int x = 0; x < members.length; x++) {
            int a = members[x];
            for (int y = x + 1; y < members.length; y++) {
                int b = members[y];
                int mask = ruleMask(a, b);
                // the lowest rule the pair shares a key under owns it; hash-prefix neighbours share none
                if ((mask & ((1 << (rule + 1)) - 1)) == 1 << rule) {
                    visitor.visit(a, b, mask);
                    visited++;
                }
            }
        }
        return visited;
    }

    /** Visits every pair of the block that shares its key, whichever rule owns the pair; returns how many. */
    public long visitAll(Block block, PairVisitor visitor) {
        int[] members = block.members();
        int bit = 1 << block.rule();
        long visited = 0;
        for (int x = 0; x < members.length; x++) {
            for (int y = x + 1; y < members.length; y++) {
                int mask = ruleMask(members[x], members[y]);
                if ((mask & bit) != 0) {
                    visitor.visit(members[x], members[y], mask);
                    visited++;
                }
            }
        }
        return visited;
    }

    /** The rules under which two records share a key. */
    public int ruleMask(int a, int b) {
        int mask = 0;
        for (int r = 0; r < keys.length; r++) {
            long ka = keys[r][a];
            if (ka != 0 && ka == keys[r][b]) {
                mask |= 1 << r;
            }
        }
        return mask;
    }

    static long hash(String text) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < text.length(); i++) {
            h ^= text.charAt(i);
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return h == 0 ? 1 : h;
    }
}
