package org.compliance.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The end of {@code bench/run all}: every benchmark's figure, baseline and ratio as one Markdown table on standard
 * output, and the same as an SVG chart (each figure as a bar beside its baseline's) at {@code BENCH_CHART}.
 */
public final class Summary {

    private static final int LABEL_WIDTH = 430;
    private static final int BAR_WIDTH = 360;
    private static final int ROW_HEIGHT = 46;

    private Summary() {
    }

    public static void main(String[] args) throws Exception {
        List<Results.Figure> figures = Results.read(Path.of(System.getenv("BENCH_RESULTS")));
        System.out.println(table(figures));
        String chart = System.getenv("BENCH_CHART");
        if (chart != null && !chart.isBlank()) {
            Files.writeString(Path.of(chart), svg(figures), StandardCharsets.UTF_8);
            System.out.println("Chart: " + chart);
        }
    }

    static String table(List<Results.Figure> figures) {
        StringBuilder table = new StringBuilder("| benchmark | figure | measured | baseline | ratio | goal |\n"
                + "|---|---|---:|---:|---:|---|\n");
        for (Results.Figure f : figures) {
            table.append("| ").append(f.benchmark()).append(" | ").append(f.figure()).append(" | ")
                    .append(number(f.value())).append(' ').append(f.unit()).append(" | ")
                    .append(number(f.baseline())).append(' ').append(f.unit()).append(" | ")
                    .append(ratio(f)).append(" | ").append(f.goal()).append(" |\n");
        }
        return table.toString();
    }

    /** Throughput as a share of the baseline's; latency as a multiple of it. */
    static String ratio(Results.Figure f) {
        return f.higherIsBetter() ? String.format(Locale.ROOT, "%.1f%%", 100 * f.ratio())
                : String.format(Locale.ROOT, "%.2fx", f.ratio());
    }

    static String svg(List<Results.Figure> figures) {
        int height = 40 + ROW_HEIGHT * figures.size() + 30;
        int width = LABEL_WIDTH + BAR_WIDTH + 170;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width).append("\" height=\"")
                .append(height).append("\" viewBox=\"0 0 ").append(width).append(' ').append(height)
                .append("\" role=\"img\" aria-labelledby=\"title desc\" font-family=\"sans-serif\" font-size=\"12\">\n")
                .append("<title id=\"title\">Benchmarks: each figure beside its baseline</title>\n")
                .append("<desc id=\"desc\">").append(escape(description(figures))).append("</desc>\n")
                .append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n")
                .append("<text x=\"10\" y=\"22\" font-size=\"14\" font-weight=\"bold\">Each figure (dark) beside its"
                        + " baseline (light), scaled to the larger of the two</text>\n");
        int y = 40;
        for (Results.Figure f : figures) {
            double larger = Math.max(f.value(), f.baseline());
            int measured = (int) Math.max(1, Math.round(BAR_WIDTH * f.value() / larger));
            int baseline = (int) Math.max(1, Math.round(BAR_WIDTH * f.baseline() / larger));
            svg.append("<text x=\"10\" y=\"").append(y + 14).append("\">").append(escape(f.benchmark()))
                    .append("</text>\n<text x=\"10\" y=\"").append(y + 30).append("\" fill=\"#444444\">")
                    .append(escape(f.figure())).append("</text>\n")
                    .append(bar(y + 4, measured, "#1d4f91", number(f.value()) + " " + f.unit()))
                    .append(bar(y + 22, baseline, "#9fbce3", number(f.baseline()) + " " + f.unit() + " baseline"))
                    .append("<text x=\"").append(LABEL_WIDTH + BAR_WIDTH + 10).append("\" y=\"").append(y + 22)
                    .append("\" font-weight=\"bold\">").append(escape(ratio(f))).append("</text>\n");
            y += ROW_HEIGHT;
        }
        return svg.append("</svg>\n").toString();
    }

    private static String bar(int y, int length, String colour, String label) {
        return "<rect x=\"" + LABEL_WIDTH + "\" y=\"" + y + "\" width=\"" + length + "\" height=\"14\" fill=\"" + colour
                + "\"/>\n<text x=\"" + (LABEL_WIDTH + length + 4) + "\" y=\"" + (y + 11) + "\" font-size=\"10\">"
                + escape(label) + "</text>\n";
    }

    private static String description(List<Results.Figure> figures) {
        StringBuilder text = new StringBuilder();
        for (Results.Figure f : figures) {
            text.append(f.benchmark()).append(", ").append(f.figure()).append(": ").append(number(f.value()))
                    .append(' ').append(f.unit()).append(" against a baseline of ").append(number(f.baseline()))
                    .append(' ').append(f.unit()).append(" (").append(ratio(f)).append("). ");
        }
        return text.toString().strip();
    }

    private static String number(double value) {
        return value >= 100 ? String.format(Locale.ROOT, "%,.0f", value) : String.format(Locale.ROOT, "%.1f", value);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
