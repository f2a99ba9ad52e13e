package org.compliance.system.fuzz;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Survey mode ({@code -Dfuzz.mode=survey}): instead of stopping at the first failure, every distinct kind of
 * failure is kept, with its shortest request, in {@code target/fuzz/findings.md}.
 */
final class Findings {

    private static final Path FILE = Path.of("target", "fuzz", "findings.md");
    private static final Map<String, Exchanges.Verdict> DISTINCT = new LinkedHashMap<>();

    private Findings() {
    }

    static synchronized void record(Exchanges.Verdict verdict) {
        String key = verdict.request().operation() + " | " + (verdict.answer().answered() ? verdict.answer().status() : "-")
                + " | " + verdict.problems().stream().map(p -> p.replaceAll("[0-9]+", "#")).toList()
                + " | " + kind(verdict.request().variant());
        DISTINCT.merge(key, verdict, (a, b) -> a.request().toString().length() <= b.request().toString().length() ? a : b);
        write();
    }

    /** The class of a variant: without where in the body it was and what value it had. */
    private static String kind(String variant) {
        return variant.replaceAll(" at /[^ ]*", "").replaceAll("/[A-Za-z0-9/]+", "").replaceAll("[0-9]+", "#");
    }

    private static void write() {
        StringBuilder out = new StringBuilder("# API fuzzer findings (survey mode)\n\n");
        DISTINCT.values().forEach(v -> out.append("- ").append(v.report().replace("\n", "\n  ")).append("\n\n"));
        try {
            Files.createDirectories(FILE.getParent());
            Files.writeString(FILE, out.toString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static synchronized int count() {
        return DISTINCT.size();
    }
}
