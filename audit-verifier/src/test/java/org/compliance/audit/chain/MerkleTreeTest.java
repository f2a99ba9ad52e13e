package org.compliance.audit.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MerkleTreeTest {

    @Test
    void every_leaf_proves_into_the_root_for_trees_of_every_small_size() {
        for (int size = 1; size <= 17; size++) {
            List<byte[]> leaves = leaves(size);
            byte[] root = MerkleTree.root(leaves);
            for (int i = 0; i < size; i++) {
                assertThat(MerkleTree.rootFrom(leaves.get(i), MerkleTree.proof(leaves, i)))
                        .as("leaf %d of %d", i, size).isEqualTo(root);
            }
        }
    }

    @Test
    void a_changed_leaf_or_a_proof_for_another_position_does_not_lead_to_the_root() {
        List<byte[]> leaves = leaves(6);
        byte[] root = MerkleTree.root(leaves);
        byte[] other = MerkleTree.leaf("z", 9, new byte[32]);
        assertThat(MerkleTree.rootFrom(other, MerkleTree.proof(leaves, 2))).isNotEqualTo(root);
        assertThat(MerkleTree.rootFrom(leaves.get(2), MerkleTree.proof(leaves, 3))).isNotEqualTo(root);
    }

    @Test
    void a_signed_checkpoint_verifies_only_with_its_key_and_unchanged() throws Exception {
        var pair = java.security.KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        String privateKey = java.util.Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded());
        String publicKey = java.util.Base64.getEncoder().encodeToString(pair.getPublic().getEncoded());
        Checkpoint checkpoint = new Checkpoint(42, java.time.Instant.parse("2026-11-22T10:00:00Z"), 3, "ab".repeat(32));
        String signature = checkpoint.sign(privateKey);
        assertThat(checkpoint.verify(signature, publicKey)).isTrue();
        assertThat(new Checkpoint(43, checkpoint.createdAt(), 3, checkpoint.root()).verify(signature, publicKey))
                .isFalse();
        var otherKey = java.security.KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPublic();
        assertThat(checkpoint.verify(signature, java.util.Base64.getEncoder().encodeToString(otherKey.getEncoded())))
                .isFalse();
        assertThat(checkpoint.verify("not base64!", publicKey)).isFalse();
    }

    private static List<byte[]> leaves(int size) {
        List<byte[]> leaves = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            leaves.add(MerkleTree.leaf("aggregate-" + i, i, MerkleTree.sha256(new byte[]{(byte) i})));
        }
        return leaves;
    }
}
