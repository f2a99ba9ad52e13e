package org.compliance.audit.chain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The event store as an append-only log (RFC 9162, section 2.1): one leaf per stored event, in the order of the store's
 * global index, each leaf the event's chain link ({@link MerkleTree#leaf}). A checkpoint signs the log's size and root
 * beside its aggregates' root; whoever kept an earlier checkpoint can then be shown, with a few hashes, that a later one
 * extends it: every event the earlier one covered is still there, unchanged and in the same place
 * ({@link #consistencyProof}, {@link #consistent}). A history rewritten after the earlier checkpoint, however carefully
 * its chains were recomputed and re-signed, has no such proof.
 *
 * <p>The tree's shape is RFC 9162's: the left subtree of a tree of {@code n} leaves holds the largest power of two
 * smaller than {@code n}; {@link MerkleTree#root} builds the same tree bottom-up, so the roots are the same.
 */
public final class LogTree {

    private LogTree() {
    }

    /**
     * The root of a log read leaf by leaf, in memory of the order of its logarithm: the roots of the perfect subtrees
     * along its right edge. What a checkpoint uses over the whole store.
     */
    public static final class Frontier {

        private final java.util.ArrayDeque<byte[]> roots = new java.util.ArrayDeque<>();
        private final java.util.ArrayDeque<Long> sizes = new java.util.ArrayDeque<>();
        private long size;

        public void add(byte[] leaf) {
            byte[] root = leaf;
            long rootSize = 1;
            while (!sizes.isEmpty() && sizes.peekLast() == rootSize) {
                root = MerkleTree.node(roots.removeLast(), root);
                rootSize += sizes.removeLast();
            }
            roots.addLast(root);
            sizes.addLast(rootSize);
            size++;
        }

        public long size() {
            return size;
        }

        /** The same root {@link MerkleTree#root} gives for the leaves added so far. */
        public byte[] root() {
            if (roots.isEmpty()) {
                return MerkleTree.sha256(new byte[0]);
            }
            var fromRight = roots.descendingIterator();
            byte[] root = fromRight.next();
            while (fromRight.hasNext()) {
                root = MerkleTree.node(fromRight.next(), root);
            }
            return root;
        }
    }

    /** The root of the first {@code size} leaves. */
    public static byte[] root(List<byte[]> leaves, int size) {
        return MerkleTree.root(leaves.subList(0, size));
    }

    /**
     * The proof that the tree of the first {@code from} leaves is a prefix of the tree of all {@code leaves}
     * (RFC 9162, 2.1.4.1): empty when {@code from} is 0 or the whole log.
     */
    public static List<byte[]> consistencyProof(List<byte[]> leaves, int from) {
        if (from < 0 || from > leaves.size()) {
            throw new IllegalArgumentException("No tree of " + from + " leaves within " + leaves.size());
        }
        List<byte[]> proof = new ArrayList<>();
        if (from > 0 && from < leaves.size()) {
            subproof(from, leaves, true, proof);
        }
        return proof;
    }

    private static void subproof(int m, List<byte[]> leaves, boolean complete, List<byte[]> proof) {
        int n = leaves.size();
        if (m == n) {
            if (!complete) {
                proof.add(MerkleTree.root(leaves));
            }
            return;
        }
        int k = largestPowerOfTwoBelow(n);
        if (m <= k) {
            subproof(m, leaves.subList(0, k), complete, proof);
            proof.add(MerkleTree.root(leaves.subList(k, n)));
        } else {
            subproof(m - k, leaves.subList(k, n), false, proof);
            proof.add(MerkleTree.root(leaves.subList(0, k)));
        }
    }

    /**
     * Whether the log of {@code secondSize} leaves with root {@code secondRoot} extends the log of {@code firstSize}
     * leaves with root {@code firstRoot}, by {@code proof} (RFC 9162, 2.1.4.2). False for any malformed proof; never
     * throws for bad input.
     */
    public static boolean consistent(long firstSize, byte[] firstRoot, long secondSize, byte[] secondRoot,
                                     List<byte[]> proof) {
        if (firstSize < 0 || secondSize < firstSize || firstRoot == null || secondRoot == null || proof == null) {
            return false;
        }
        if (firstSize == secondSize) {
            return proof.isEmpty() && Arrays.equals(firstRoot, secondRoot);
        }
        if (firstSize == 0) {
            return proof.isEmpty();
        }
        List<byte[]> path = new ArrayList<>(proof);
        if (Long.bitCount(firstSize) == 1) {
            path.add(0, firstRoot);
        }
        if (path.isEmpty()) {
            return false;
        }
        long fn = firstSize - 1;
        long sn = secondSize - 1;
        while ((fn & 1) == 1) {
            fn >>= 1;
            sn >>= 1;
        }
        byte[] fr = path.get(0);
        byte[] sr = path.get(0);
        for (byte[] c : path.subList(1, path.size())) {
            if (sn == 0 || c == null) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = MerkleTree.node(c, fr);
                sr = MerkleTree.node(c, sr);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            } else {
                sr = MerkleTree.node(sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return Arrays.equals(fr, firstRoot) && Arrays.equals(sr, secondRoot) && sn == 0;
    }

    private static int largestPowerOfTwoBelow(int n) {
        return Integer.highestOneBit(n - 1);
    }
}
