package org.compliance.portal.web;

import io.quarkus.qute.TemplateData;
import java.util.ArrayList;
import java.util.List;

/**
 * A bar chart the template draws as SVG, with its geometry worked out here (templates cannot do arithmetic), and the
 * same bars in the same order for the table beside it: the chart and the table cannot disagree.
 *
 * @param title what the chart shows, the SVG's {@code <title>} and the table's caption
 * @param description the figures in words, the SVG's {@code <desc>}
 * @param width the view box's width (the SVG scales to its container)
 * @param height the view box's height
 * @param axis where the bars start: the baseline's y for columns, the x of the rows' left edge
 * @param bars each bar with its figure
 */
@TemplateData
public record BarChart(String title, String description, int width, int height, int axis, List<Bar> bars) {

    /**
     * One bar: its label (and a shorter one for under a column), its figure, where the template draws it and where
     * it writes the figure, and the page it links to (null for none).
     */
    @TemplateData
    public record Bar(String label, String shortLabel, long value, String href, int x, int y, int width, int height,
                      int valueX, int valueY, int labelX, int labelY) {
    }

    private static final int COLUMN = 24;
    private static final int COLUMN_GAP = 6;
    private static final int COLUMN_AREA = 150;
    private static final int ROW = 28;
    private static final int ROW_LABEL = 130;
    private static final int ROW_AREA = 300;

    /** One column per entry, left to right, each with its figure above it and its short label below. */
    static BarChart columns(String title, String description, List<Entry> entries) {
        long max = max(entries);
        int top = 20;
        int baseline = top + COLUMN_AREA;
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            Entry entry = entries.get(i);
            int length = scaled(entry.value(), max, COLUMN_AREA);
            int x = i * COLUMN + COLUMN_GAP / 2;
            int middle = x + (COLUMN - COLUMN_GAP) / 2;
            bars.add(new Bar(entry.label(), entry.shortLabel(), entry.value(), entry.href(), x, baseline - length,
                    COLUMN - COLUMN_GAP, length, middle, baseline - length - 5, middle, baseline + 16));
        }
        return new BarChart(title, description, Math.max(COLUMN, entries.size() * COLUMN), baseline + 24, baseline,
                bars);
    }

    /** One row per entry, top to bottom, its label on the left and its figure after the bar. */
    static BarChart rows(String title, String description, List<Entry> entries) {
        long max = max(entries);
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            Entry entry = entries.get(i);
            int length = scaled(entry.value(), max, ROW_AREA);
            int y = i * ROW + 4;
            bars.add(new Bar(entry.label(), entry.shortLabel(), entry.value(), entry.href(), ROW_LABEL, y, length,
                    ROW - 8, ROW_LABEL + length + 6, y + ROW / 2 + 1, ROW_LABEL - 8, y + ROW / 2 + 1));
        }
        return new BarChart(title, description, ROW_LABEL + ROW_AREA + 40, Math.max(ROW, entries.size() * ROW) + 4,
                ROW_LABEL, bars);
    }

    /** What a bar stands for. */
    record Entry(String label, String shortLabel, long value, String href) {
    }

    /** The total of every bar. */
    public long total() {
        return bars.stream().mapToLong(Bar::value).sum();
    }

    private static long max(List<Entry> entries) {
        return entries.stream().mapToLong(Entry::value).max().orElse(0);
    }

    /** A figure's length, in proportion to the largest; any figure above zero shows at least a sliver. */
    private static int scaled(long value, long max, int area) {
        if (value <= 0 || max <= 0) {
            return 0;
        }
        return (int) Math.max(2, Math.round((double) value * area / max));
    }
}
