package org.compliance.audit.verifier;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The bundle's list of contents ({@link Bundle#CONTENTS}): one line per other file of the ZIP, in the format of
 * {@code sha256sum} ({@code <sha-256 hex><two spaces><name>}), so that {@code sha256sum -c contents.sha256} also checks
 * an extracted bundle. audit-service signs it at export with its checkpoint key ({@link Bundle#CONTENTS_SIGNATURE},
 * Ed25519, Base64) over {@code "compliance-bundle-contents/1\n"} followed by the list's bytes. It is what holds the
 * files the chain cannot reach: the report, written at export, and the evidence files as they were streamed in.
 */
public final class BundleContents {

    private static final byte[] LABEL = "compliance-bundle-contents/1\n".getBytes(StandardCharsets.UTF_8);
    private static final Pattern LINE = Pattern.compile("([0-9a-f]{64})  (\\S.*)");

    private BundleContents() {
    }

    public static String line(String sha256Hex, String name) {
        return sha256Hex + "  " + name + "\n";
    }

    /** What the signature is made over. */
    public static byte[] statement(byte[] listing) {
        byte[] statement = new byte[LABEL.length + listing.length];
        System.arraycopy(LABEL, 0, statement, 0, LABEL.length);
        System.arraycopy(listing, 0, statement, LABEL.length, listing.length);
        return statement;
    }

    /** The names and their SHA-256 in the list's order; a line that is not {@code <hex>  <name>} is refused. */
    public static Map<String, String> parse(byte[] listing) {
        Map<String, String> entries = new LinkedHashMap<>();
        String[] lines = new String(listing, StandardCharsets.UTF_8).split("\n");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isEmpty()) {
                continue;
            }
            Matcher line = LINE.matcher(lines[i]);
            if (!line.matches()) {
                throw new IllegalArgumentException("line " + (i + 1) + " is not '<sha-256 hex>  <name>'");
            }
            entries.put(line.group(2), line.group(1));
        }
        return entries;
    }
}
