package org.compliance.ops;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Set;
import java.util.TreeSet;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The S3 step of infra/ops/backup and infra/ops/restore, with the bucket evidence-service's environment names
 * (EVIDENCE_S3_*):
 *
 * <pre>
 *   download DIR        every evidence object into DIR/ab/cd/&lt;sha256&gt;, each checked against its key
 *   upload DIR HELD     every blob file of DIR into the (empty) bucket; retention as configured; a legal hold on
 *                       each blob named in the file HELD (one SHA-256 a line)
 *   list                "&lt;bytes&gt; ab/cd/&lt;sha256&gt;" per evidence object, in key order (as the scripts list files)
 *   check-empty         fails unless nothing is stored under the prefix
 * </pre>
 * Progress goes to standard error; exit status 1 on a failure, 2 on a wrong command line.
 */
public final class S3Blobs {

    private S3Blobs() {
    }

    public static void main(String[] args) {
        if (args.length == 0 || !switch (args[0]) {
            case "download" -> args.length == 2;
            case "upload" -> args.length == 3;
            case "list", "check-empty" -> args.length == 1;
            default -> false;
        }) {
            System.err.println("usage: S3Blobs download DIR | upload DIR HELD-LIST | list | check-empty");
            System.exit(2);
        }
        try {
            S3Target target = S3Target.fromEnvironment(System.getenv());
            try (S3Client s3 = target.client()) {
                run(new EvidenceBucket(s3, target, Clock.systemUTC(), System.err), target, args);
            }
        } catch (IOException | RuntimeException e) {
            String message = e instanceof SdkException ? "object storage: " + e.getMessage() : e.getMessage();
            System.err.println("s3: " + message);
            System.exit(1);
        }
    }

    private static void run(EvidenceBucket bucket, S3Target target, String[] args) throws IOException {
        switch (args[0]) {
            case "download" -> bucket.download(Path.of(args[1]));
            case "upload" -> bucket.upload(Path.of(args[1]), held(Path.of(args[2])));
            case "list" -> bucket.blobs().forEach(b -> System.out.println(b.size() + " " + b.path()));
            case "check-empty" -> {
                if (!bucket.isEmpty()) {
                    throw new IllegalStateException(target.describe() + " already holds objects");
                }
            }
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    private static Set<String> held(Path list) throws IOException {
        Set<String> held = new TreeSet<>();
        for (String line : Files.readAllLines(list)) {
            if (!line.isBlank()) {
                held.add(line.trim());
            }
        }
        return held;
    }
}
