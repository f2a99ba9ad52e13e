package org.compliance.audit.chain;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;

/**
 * The Merkle tree of a checkpoint: one leaf per aggregate (its latest chain link at the checkpoint's
 * position), leaves in aggregate-id order. Leaf = SHA-256(0x00 | len|aggregate id | len|sequence number |
 * len|hash); node = SHA-256(0x01 | left | right); an odd node at the end of a level moves up unchanged.
 */
public final class MerkleTree {

    /** One step of an audit path: the sibling's hash and whether it sits to the left. */
    public record Step(byte[] sibling, boolean left) {
    }

    private MerkleTree() {
    }

    public static byte[] leaf(String aggregateId, long sequenceNumber, byte[] hash) {
        ByteArrayOutputStream input = new ByteArrayOutputStream();
        input.write(0);
        field(input, aggregateId.getBytes(StandardCharsets.UTF_8));
        field(input, Long.toString(sequenceNumber).getBytes(StandardCharsets.UTF_8));
        field(input, hash);
        return sha256(input.toByteArray());
    }

    public static byte[] root(List<byte[]> leaves) {
        if (leaves.isEmpty()) {
            return sha256(new byte[0]);
        }
        List<byte[]> level = leaves;
        while (level.size() > 1) {
            level = up(level);
        }
        return level.get(0);
    }

    /** The audit path from leaf {@code index} to the root. */
    public static List<Step> proof(List<byte[]> leaves, int index) {
        List<Step> path = new ArrayList<>();
        List<byte[]> level = leaves;
        int position = index;
        while (level.size() > 1) {
            int sibling = position % 2 == 0 ? position + 1 : position - 1;
            if (sibling < level.size()) {
                path.add(new Step(level.get(sibling), sibling < position));
            }
            level = up(level);
            position /= 2;
        }
        return path;
    }

    public static byte[] rootFrom(byte[] leaf, List<Step> path) {
        byte[] current = leaf;
        for (Step step : path) {
            current = step.left() ? node(step.sibling(), current) : node(current, step.sibling());
        }
        return current;
    }

    private static List<byte[]> up(List<byte[]> level) {
        List<byte[]> next = new ArrayList<>();
        for (int i = 0; i < level.size(); i += 2) {
            next.add(i + 1 < level.size() ? node(level.get(i), level.get(i + 1)) : level.get(i));
        }
        return next;
    }

    static byte[] node(byte[] left, byte[] right) {
        ByteArrayOutputStream input = new ByteArrayOutputStream();
        input.write(1);
        input.writeBytes(left);
        input.writeBytes(right);
        return sha256(input.toByteArray());
    }

    private static void field(ByteArrayOutputStream input, byte[] value) {
        input.writeBytes(ByteBuffer.allocate(4).putInt(value.length).array());
        input.writeBytes(value);
    }

    static byte[] sha256(byte[] input) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(input);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
