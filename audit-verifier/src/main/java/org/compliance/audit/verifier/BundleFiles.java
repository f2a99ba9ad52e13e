package org.compliance.audit.verifier;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * A case bundle as read from its ZIP: each file parsed into its shape, or null with the reason in
 * {@link #problems()} when it is missing or unreadable, so that the checks that need it say so instead of stopping.
 */
final class BundleFiles {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** An entry's SHA-256 (hex) and size, as read. */
    record Digest(String sha256, long size) {
    }

    private final Map<String, byte[]> files;
    private final Map<String, Digest> digests;
    private final List<String> problems = new ArrayList<>();
    private final Map<String, List<Bundle.Event>> eventsByAggregate;
    private int eventCount;
    private final Bundle.SignedCheckpoint checkpoint;
    private final Bundle.Proof[] proofs;
    private final Bundle.ManifestEntry[] manifest;

    private BundleFiles(Map<String, byte[]> files, Map<String, Digest> digests, List<String> duplicates) {
        this.files = files;
        this.digests = digests;
        duplicates.forEach(name -> problems.add("the ZIP holds " + name + " more than once"));
        this.eventsByAggregate = events();
        this.checkpoint = complete(json(Bundle.CHECKPOINT, Bundle.SignedCheckpoint.class));
        this.proofs = complete(json(Bundle.PROOFS, Bundle.Proof[].class));
        this.manifest = json(Bundle.MANIFEST, Bundle.ManifestEntry[].class);
    }

    /**
     * Throws when the file is no ZIP (or an empty one): there is nothing to check. Every entry's SHA-256 is computed
     * as it is read; the evidence files (any size) are only hashed, never held.
     */
    static BundleFiles read(Path bundle) throws IOException {
        Map<String, byte[]> files = new HashMap<>();
        Map<String, Digest> digests = new LinkedHashMap<>();
        List<String> duplicates = new ArrayList<>();
        try (InputStream in = Files.newInputStream(bundle); ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                MessageDigest sha256 = sha256();
                long size;
                if (entry.getName().startsWith(Bundle.EVIDENCE_FILES)) {
                    size = new DigestInputStream(zip, sha256).transferTo(OutputStream.nullOutputStream());
                } else {
                    byte[] content = zip.readAllBytes();
                    sha256.update(content);
                    size = content.length;
                    files.put(entry.getName(), content);
                }
                if (digests.put(entry.getName(), new Digest(Bundle.hex(sha256.digest()), size)) != null) {
                    duplicates.add(entry.getName());
                }
            }
        }
        if (digests.isEmpty()) {
            throw new IOException(bundle + " is not a ZIP archive, or an empty one");
        }
        return new BundleFiles(files, digests, duplicates);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every entry of the ZIP (evidence files included) with its SHA-256 and size, in ZIP order. */
    Map<String, Digest> digests() {
        return digests;
    }

    /** The entries' contents, the evidence files excepted ({@link #digests()} has those). */
    Map<String, byte[]> files() {
        return files;
    }

    /** What is missing or unreadable, one sentence each; empty when every file reads. */
    List<String> problems() {
        return problems;
    }

    /** The readable events by aggregate, in file order; null when events.ndjson is missing. */
    Map<String, List<Bundle.Event>> eventsByAggregate() {
        return eventsByAggregate;
    }

    int eventCount() {
        return eventCount;
    }

    Bundle.SignedCheckpoint checkpoint() {
        return checkpoint;
    }

    Bundle.Proof[] proofs() {
        return proofs;
    }

    Bundle.ManifestEntry[] manifest() {
        return manifest;
    }

    /** consistency.json: the proofs from earlier checkpoints; empty when the bundle has none (older bundles). */
    List<Bundle.Consistency> consistency() {
        byte[] content = files.get(Bundle.CONSISTENCY);
        if (content == null) {
            return List.of();
        }
        try {
            return List.of(JSON.readValue(content, Bundle.Consistency[].class));
        } catch (IOException e) {
            throw new IllegalArgumentException(Bundle.CONSISTENCY + " is not readable: " + e.getMessage(), e);
        }
    }

    /** public-key.txt without its line end, or null when the bundle has none. */
    String publicKeyText() {
        byte[] text = files.get(Bundle.PUBLIC_KEY);
        return text == null ? null : new String(text, StandardCharsets.UTF_8).trim();
    }

    private Map<String, List<Bundle.Event>> events() {
        byte[] ndjson = files.get(Bundle.EVENTS);
        if (ndjson == null) {
            problems.add(Bundle.EVENTS + " is missing");
            return null;
        }
        Map<String, List<Bundle.Event>> byAggregate = new LinkedHashMap<>();
        String[] lines = new String(ndjson, StandardCharsets.UTF_8).split("\n");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            try {
                Bundle.Event event = JSON.readValue(lines[i], Bundle.Event.class);
                if (event.eventId() == null || event.aggregateId() == null || event.timeStamp() == null
                        || event.payloadType() == null || event.payload() == null) {
                    throw new IllegalArgumentException("eventId, aggregateId, timeStamp, payloadType or payload "
                            + "is absent");
                }
                event.stored();
                event.link();
                byAggregate.computeIfAbsent(event.aggregateId(), k -> new ArrayList<>()).add(event);
                eventCount++;
            } catch (IOException | IllegalArgumentException e) {
                problems.add(Bundle.EVENTS + " line " + (i + 1) + " is not a readable event: " + e.getMessage());
            }
        }
        if (eventCount == 0) {
            problems.add(Bundle.EVENTS + " holds no event");
        }
        return byAggregate;
    }

    private Bundle.SignedCheckpoint complete(Bundle.SignedCheckpoint read) {
        if (read != null && (read.createdAt() == null || read.root() == null || read.signature() == null
                || read.publicKey() == null)) {
            problems.add(Bundle.CHECKPOINT + " lacks createdAt, root, signature or publicKey");
            return null;
        }
        return read;
    }

    private Bundle.Proof[] complete(Bundle.Proof[] read) {
        if (read != null && Arrays.stream(read).anyMatch(p -> p == null || p.aggregateId() == null
                || p.hash() == null || p.path() == null)) {
            problems.add(Bundle.PROOFS + " has a proof without aggregateId, hash or path");
            return null;
        }
        return read;
    }

    private <T> T json(String name, Class<T> type) {
        byte[] content = files.get(name);
        if (content == null) {
            problems.add(name + " is missing");
            return null;
        }
        try {
            return JSON.readValue(content, type);
        } catch (IOException e) {
            problems.add(name + " is not readable: " + e.getMessage());
            return null;
        }
    }
}
