package org.compliance.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Locale;

/**
 * The headline figures of a run, one line each, appended to {@code BENCH_RESULTS} (when set) so that
 * {@code bench/run all} can end with one table and one chart of every benchmark ({@link Summary}).
 */
final class Results {

    /**
     * One figure beside its baseline. {@code higherIsBetter}: throughput (the ratio is figure / baseline) or latency
     * (the ratio is how many times the baseline the figure takes).
     */
    record Figure(String benchmark, String figure, double value, double baseline, String unit, boolean higherIsBetter,
                  String goal) {

        double ratio() {
            return value / baseline;
        }

        String line() {
            return String.join("\t", clean(benchmark), clean(figure), String.format(Locale.ROOT, "%.6g", value),
                    String.format(Locale.ROOT, "%.6g", baseline), clean(unit), Boolean.toString(higherIsBetter),
                    clean(goal));
        }

        static Figure parse(String line) {
            String[] f = line.split("\t", -1);
            return new Figure(f[0], f[1], Double.parseDouble(f[2]), Double.parseDouble(f[3]), f[4],
                    Boolean.parseBoolean(f[5]), f[6]);
        }

        private static String clean(String text) {
            return text.replace('\t', ' ').replace('\n', ' ');
        }
    }

    private Results() {
    }

    static void record(String benchmark, String figure, double value, double baseline, String unit,
                       boolean higherIsBetter, String goal) {
        String file = System.getenv("BENCH_RESULTS");
        if (file == null || file.isBlank()) {
            return;
        }
        try {
            Files.writeString(Path.of(file), new Figure(benchmark, figure, value, baseline, unit, higherIsBetter, goal)
                    .line() + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot record a result in " + file, e);
        }
    }

    static List<Figure> read(Path file) throws IOException {
        return Files.readAllLines(file, StandardCharsets.UTF_8).stream().filter(line -> !line.isBlank())
                .map(Figure::parse).toList();
    }
}
