package org.compliance.cases.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.compliance.cases.domain.PenaltyRegime;
import org.compliance.cases.domain.PenaltyRegimes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The penalty regimes as shipped, as an operator replaces them, and tables that do not hold together. */
class PenaltyRegimeTableTest {

    private static final String ICO = "Information Commissioner's Office";

    private static PenaltyRegimes read(String json) throws IOException {
        return PenaltyRegimeTable.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "test");
    }

    @Test
    void the_shipped_table_loads_with_its_figures_exact() {
        PenaltyRegimes shipped = PenaltyRegimeTable.load(Optional.empty());
        PenaltyRegime higher = shipped.byId("uk-gdpr-higher-maximum").orElseThrow();
        assertThat(higher.fixedAmount()).isEqualByComparingTo("17500000");
        assertThat(higher.turnoverShare()).isEqualTo(new BigDecimal("0.04"));
        assertThat(higher.applies()).isEqualTo(PenaltyRegime.Applies.GREATER);
        assertThat(higher.currency()).isEqualTo("GBP");
        assertThat(higher.authorities()).containsExactly(ICO);
        PenaltyRegime competition = shipped.byId("competition-act-1998-s36").orElseThrow();
        assertThat(competition.fixedAmount()).isNull();
        assertThat(competition.turnoverShare()).isEqualTo(new BigDecimal("0.10"));
        assertThat(shipped.defaults()).containsEntry(ICO, "uk-gdpr-higher-maximum")
                .containsEntry("Competition and Markets Authority", "competition-act-1998-s36");
        assertThat(shipped.usableBy(ICO)).extracting(PenaltyRegime::id)
                .containsExactly("uk-gdpr-higher-maximum", "uk-gdpr-standard-maximum");
    }

    @Test
    void an_operators_file_replaces_the_shipped_table(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("penalty-regimes.json");
        Files.writeString(file, """
                {"regimes": [{"id": "uk-gdpr-higher-maximum", "name": "UK GDPR higher maximum",
                              "source": "UK GDPR Art. 83(5)", "authorities": ["Data Protection Authority"],
                              "fixedAmount": 17500000, "turnoverShare": 0.04,
                              "turnoverBasis": "worldwide annual turnover", "applies": "GREATER", "currency": "GBP"}],
                 "defaults": {"Data Protection Authority": "uk-gdpr-higher-maximum"}}
                """);
        PenaltyRegimes operators = PenaltyRegimeTable.load(Optional.of(file));
        assertThat(operators.regimes()).hasSize(1);
        assertThat(operators.usableBy("Data Protection Authority")).hasSize(1);
        assertThat(operators.usableBy(ICO)).isEmpty();
    }

    @Test
    void a_default_the_authority_may_not_use_stops_the_service() {
        assertThatThrownBy(() -> read("""
                {"regimes": [{"id": "competition-act-1998-s36", "name": "Competition Act 1998 penalty",
                              "source": "Competition Act 1998 s.36(8)", "authorities": ["Competition and Markets Authority"],
                              "turnoverShare": 0.10, "turnoverBasis": "worldwide turnover", "currency": "GBP"}],
                 "defaults": {"Information Commissioner's Office": "competition-act-1998-s36"}}
                """))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("the default penalty regime of Information Commissioner's Office, "
                        + "competition-act-1998-s36, is not a regime it may use");
    }

    @Test
    void a_regime_without_any_maximum_or_with_a_share_above_one_stops_the_service() {
        assertThatThrownBy(() -> read("""
                {"regimes": [{"id": "nothing", "name": "Nothing", "source": "none", "authorities": [],
                              "currency": "GBP"}], "defaults": {}}
                """)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("penalty regime nothing needs a fixed amount or a turnover share");
        assertThatThrownBy(() -> read("""
                {"regimes": [{"id": "all", "name": "All", "source": "none", "authorities": [],
                              "turnoverShare": 4, "turnoverBasis": "turnover", "currency": "GBP"}], "defaults": {}}
                """)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("its turnover share is above 0, at most 1");
    }

    @Test
    void a_misspelt_field_or_a_regime_listed_twice_stops_the_service() {
        assertThatThrownBy(() -> read("""
                {"regimes": [{"id": "x", "name": "X", "source": "s", "authorities": [], "fixedAmount": 1,
                              "turnoverShar": 0.1, "currency": "GBP"}], "defaults": {}}
                """)).isInstanceOf(IllegalStateException.class).hasMessageContaining("turnoverShar");
        String regime = """
                {"id": "x", "name": "X", "source": "s", "authorities": [], "fixedAmount": 1, "currency": "GBP"}""";
        assertThatThrownBy(() -> read("{\"regimes\": [" + regime + "," + regime + "], \"defaults\": {}}"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("penalty regime x is listed twice");
    }
}
