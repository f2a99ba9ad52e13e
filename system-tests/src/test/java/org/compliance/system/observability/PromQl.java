package org.compliance.system.observability;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a PromQL expression asks of the metrics it reads, as far as the suite's dashboard and alerts use the language:
 * the metric names, the label matchers attached to each name, and the labels aggregated {@code by}. Enough to check
 * them against what the services export; not a PromQL parser.
 */
record PromQl(String expression, Set<String> metrics, List<Matcher_> matchers, Set<String> groupedBy) {

    /** {@code name{label op "value"}}: op is one of {@code = != =~ !~}. */
    record Matcher_(String metric, String label, String op, String value) {
    }

    private static final String NAME = "[a-zA-Z_:][a-zA-Z0-9_:]*";
    private static final Pattern SELECTOR = Pattern.compile("(" + NAME + ")\\s*\\{([^}]*)}");
    private static final Pattern LABEL_MATCHER = Pattern.compile("(" + NAME + ")\\s*(=~|!~|!=|=)\\s*\"((?:\\\\.|[^\"\\\\])*)\"");
    private static final Pattern GROUPING = Pattern.compile(
            "\\b(by|without|on|ignoring|group_left|group_right)\\s*\\(([^)]*)\\)");
    private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w.$])(" + NAME + ")(?![\\w])(\\s*\\()?");
    private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "by", "without", "on", "ignoring",
            "group_left", "group_right", "offset", "bool", "inf", "nan");

    static PromQl parse(String expression) {
        List<Matcher_> matchers = new ArrayList<>();
        Matcher selector = SELECTOR.matcher(expression);
        while (selector.find()) {
            Matcher label = LABEL_MATCHER.matcher(selector.group(2));
            while (label.find()) {
                matchers.add(new Matcher_(selector.group(1), label.group(1), label.group(2), label.group(3)));
            }
        }
        Set<String> groupedBy = new LinkedHashSet<>();
        Matcher grouping = GROUPING.matcher(expression);
        while (grouping.find()) {
            if (grouping.group(1).equals("by")) {
                for (String label : grouping.group(2).split(",")) {
                    if (!label.isBlank()) {
                        groupedBy.add(label.strip());
                    }
                }
            }
        }
        String bare = expression.replaceAll("\"(?:\\\\.|[^\"\\\\])*\"", "\"\"")
                .replaceAll("\\{[^}]*}", " ")
                .replaceAll("\\[[^]]*]", " ");
        bare = GROUPING.matcher(bare).replaceAll(" ");
        Set<String> metrics = new LinkedHashSet<>();
        Matcher identifier = IDENTIFIER.matcher(bare);
        while (identifier.find()) {
            boolean call = identifier.group(2) != null;
            String name = identifier.group(1);
            if (!call && !KEYWORDS.contains(name.toLowerCase())) {
                metrics.add(name);
            }
        }
        return new PromQl(expression, metrics, matchers, groupedBy);
    }

    /** The series of a scrape in Prometheus' text format: metric name to the label sets of its series. */
    static Map<String, List<Map<String, String>>> series(String exposition) {
        Map<String, List<Map<String, String>>> series = new LinkedHashMap<>();
        Pattern line = Pattern.compile("^(" + NAME + ")(?:\\{(.*)})?\\s+\\S+.*$");
        exposition.lines().filter(l -> !l.startsWith("#") && !l.isBlank()).forEach(l -> {
            Matcher m = line.matcher(l);
            if (!m.matches()) {
                throw new IllegalArgumentException("not a sample line: " + l);
            }
            Map<String, String> labels = new LinkedHashMap<>();
            if (m.group(2) != null) {
                Matcher label = LABEL_MATCHER.matcher(m.group(2));
                while (label.find()) {
                    labels.put(label.group(1), label.group(3));
                }
            }
            series.computeIfAbsent(m.group(1), k -> new ArrayList<>()).add(labels);
        });
        return series;
    }
}
