package org.compliance.cases.query;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SearchWordsTest {

    @Test
    void only_runs_of_letters_and_digits_are_words_lower_case_each_once() {
        assertThat(SearchWords.of("Consent & !(training | consent) <-> :* Art. 6(1)").words())
                .containsExactly("consent", "training", "art", "6", "1");
        assertThat(SearchWords.of("Données personnelles, Zürich").words())
                .containsExactly("données", "personnelles", "zürich");
    }

    @Test
    void nothing_typed_is_no_words() {
        assertThat(SearchWords.of(null).none()).isTrue();
        assertThat(SearchWords.of("  ,;!  ").none()).isTrue();
    }
}
