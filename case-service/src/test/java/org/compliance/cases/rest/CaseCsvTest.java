package org.compliance.cases.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.compliance.api.cases.views.RespondentListItem;
import org.junit.jupiter.api.Test;

class CaseCsvTest {

    @Test
    void a_cell_a_spreadsheet_would_run_as_a_formula_is_prefixed() {
        assertThat(CaseCsv.cell("=1+1")).isEqualTo("'=1+1");
        assertThat(CaseCsv.cell("+44 20 7946 0000")).isEqualTo("'+44 20 7946 0000");
        assertThat(CaseCsv.cell("-2")).isEqualTo("'-2");
        assertThat(CaseCsv.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(CaseCsv.cell("\t=1")).isEqualTo("'\t=1");
        assertThat(CaseCsv.cell("Consent = lawful basis")).isEqualTo("Consent = lawful basis");
    }

    @Test
    void commas_quotes_and_line_breaks_are_quoted_and_quotes_doubled() {
        assertThat(CaseCsv.cell("Northwind, Ltd")).isEqualTo("\"Northwind, Ltd\"");
        assertThat(CaseCsv.cell("the \"cloud\"")).isEqualTo("\"the \"\"cloud\"\"\"");
        assertThat(CaseCsv.cell("two\nlines")).isEqualTo("\"two\nlines\"");
        assertThat(CaseCsv.cell("=HYPERLINK(\"x\",1)")).isEqualTo("\"'=HYPERLINK(\"\"x\"\",1)\"");
        assertThat(CaseCsv.cell(null)).isEmpty();
    }

    @Test
    void each_line_ends_with_crlf_after_a_header() {
        assertThat(CaseCsv.respondent(List.of(new RespondentListItem("c-1", "Consent, training", "OPENED", "ICO",
                Instant.parse("2026-11-02T09:30:00Z"))))).isEqualTo("Case id,Title,Status,Authority,Opened at\r\n"
                + "c-1,\"Consent, training\",OPENED,ICO,2026-11-02T09:30:00Z\r\n");
    }
}
