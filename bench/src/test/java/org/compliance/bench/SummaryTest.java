package org.compliance.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class SummaryTest {

    private final List<Results.Figure> figures = List.of(
            new Results.Figure("Opening cases through REST", "events appended per second vs raw INSERT commits", 512,
                    3_900, "/s", true, "at least 25%"),
            new Results.Figure("Notification latency", "p99 commit to inbox vs raw <poller> & co", 180, 95, "ms", false,
                    "at most 2x"));

    @Test
    void a_figure_read_back_is_the_figure_recorded() {
        for (Results.Figure figure : figures) {
            assertThat(Results.Figure.parse(figure.line())).isEqualTo(figure);
        }
    }

    @Test
    void the_table_gives_throughput_as_a_share_and_latency_as_a_multiple_of_its_baseline() {
        assertThat(Summary.table(figures)).contains(
                "| Opening cases through REST | events appended per second vs raw INSERT commits | 512 /s | 3,900 /s"
                        + " | 13.1% | at least 25% |",
                "| 180 ms | 95.0 ms | 1.89x | at most 2x |");
    }

    @Test
    void the_chart_is_well_formed_svg_that_says_in_words_what_it_shows() throws Exception {
        String svg = Summary.svg(figures);
        Document chart = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        assertThat(chart.getDocumentElement().getAttribute("role")).isEqualTo("img");
        assertThat(chart.getElementsByTagName("rect").getLength()).as("background and two bars a figure").isEqualTo(5);
        assertThat(chart.getElementsByTagName("desc").item(0).getTextContent())
                .contains("Notification latency, p99 commit to inbox vs raw <poller> & co: 180 ms against a baseline"
                        + " of 95.0 ms (1.89x)");
    }
}
