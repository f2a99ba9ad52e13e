package org.compliance.audit.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LogTreeTest {

    private static List<byte[]> leaves(int n) {
        List<byte[]> leaves = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            leaves.add(MerkleTree.leaf("case-" + (i % 7), i / 7, MerkleTree.sha256(new byte[] {(byte) i})));
        }
        return leaves;
    }

    /** RFC 9162's recursive definition of the tree head, to hold the bottom-up root to it. */
    private static byte[] rfcRoot(List<byte[]> leaves) {
        if (leaves.isEmpty()) {
            return MerkleTree.sha256(new byte[0]);
        }
        if (leaves.size() == 1) {
            return leaves.get(0);
        }
        int k = Integer.highestOneBit(leaves.size() - 1);
        return MerkleTree.node(rfcRoot(leaves.subList(0, k)), rfcRoot(leaves.subList(k, leaves.size())));
    }

    @Test
    void theRootIsRfc9162sTreeHead() {
        for (int n = 0; n <= 70; n++) {
            List<byte[]> leaves = leaves(n);
            assertThat(MerkleTree.root(leaves)).as("n=%d", n).isEqualTo(rfcRoot(leaves));
        }
    }

    @Test
    void theFrontierReadingLeafByLeafGivesTheSameRoot() {
        List<byte[]> leaves = leaves(70);
        LogTree.Frontier frontier = new LogTree.Frontier();
        assertThat(frontier.root()).isEqualTo(MerkleTree.root(List.of()));
        for (int n = 1; n <= leaves.size(); n++) {
            frontier.add(leaves.get(n - 1));
            assertThat(frontier.root()).as("n=%d", n).isEqualTo(MerkleTree.root(leaves.subList(0, n)));
            assertThat(frontier.size()).isEqualTo(n);
        }
    }

    @Test
    void everyEarlierLogIsProvedAPrefixOfEveryLaterOne() {
        for (int n = 1; n <= 40; n++) {
            List<byte[]> leaves = leaves(n);
            byte[] second = LogTree.root(leaves, n);
            for (int m = 0; m <= n; m++) {
                List<byte[]> proof = LogTree.consistencyProof(leaves, m);
                assertThat(LogTree.consistent(m, LogTree.root(leaves, m), n, second, proof))
                        .as("m=%d n=%d", m, n).isTrue();
                assertThat(proof.size()).isLessThanOrEqualTo(2 * 6 + 1);
            }
        }
    }

    @Test
    void aLogWhoseEarlierPartWasRewrittenHasNoProof() {
        for (int n = 2; n <= 33; n++) {
            List<byte[]> original = leaves(n);
            for (int m = 1; m < n; m++) {
                byte[] kept = LogTree.root(original, m);
                for (int changed = 0; changed < m; changed++) {
                    List<byte[]> rewritten = new ArrayList<>(original);
                    rewritten.set(changed, MerkleTree.sha256(new byte[] {42, (byte) changed}));
                    List<byte[]> proof = LogTree.consistencyProof(rewritten, m);
                    assertThat(LogTree.consistent(m, kept, n, LogTree.root(rewritten, n), proof))
                            .as("m=%d n=%d changed=%d", m, n, changed).isFalse();
                }
            }
        }
    }

    @Test
    void wrongSizesRootsAndMalformedProofsFailWithoutThrowing() {
        List<byte[]> leaves = leaves(13);
        byte[] first = LogTree.root(leaves, 5);
        byte[] second = LogTree.root(leaves, 13);
        List<byte[]> proof = LogTree.consistencyProof(leaves, 5);
        assertThat(LogTree.consistent(5, first, 13, second, proof)).isTrue();
        assertThat(LogTree.consistent(6, first, 13, second, proof)).isFalse();
        assertThat(LogTree.consistent(5, second, 13, second, proof)).isFalse();
        assertThat(LogTree.consistent(5, first, 13, first, proof)).isFalse();
        assertThat(LogTree.consistent(5, first, 13, second, proof.subList(1, proof.size()))).isFalse();
        assertThat(LogTree.consistent(5, first, 13, second, List.of())).isFalse();
        assertThat(LogTree.consistent(13, first, 5, second, proof)).isFalse();
        assertThat(LogTree.consistent(13, second, 13, second, List.of())).isTrue();
        List<byte[]> withNull = new ArrayList<>(proof);
        withNull.set(withNull.size() - 1, null);
        assertThat(LogTree.consistent(5, first, 13, second, withNull)).isFalse();
    }
}
