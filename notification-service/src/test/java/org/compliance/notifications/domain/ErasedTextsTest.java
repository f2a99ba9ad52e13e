package org.compliance.notifications.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.compliance.api.shared.PersonalData;
import org.junit.jupiter.api.Test;

/** What erasing a data subject leaves of a text notification-service keeps. */
class ErasedTextsTest {

    private static final Map<String, String> DANA = Map.of("case-1/C1", "Dana Whitlock");
    private static final Map<String, String> SIOBHAN = Map.of("case-1/C2", "Siobhán O'Brien");

    @Test
    void a_text_naming_the_subject_is_erased_whole_and_one_that_does_not_is_kept() {
        assertThat(ErasedTexts.erased("Records of Dana Whitlock's calls, and the rota", DANA))
                .isEqualTo(PersonalData.ERASED);
        assertThat(ErasedTexts.erased("Ask Ms WHITLOCK", DANA)).as("a word of the name, any case")
                .isEqualTo(PersonalData.ERASED);
        assertThat(ErasedTexts.erased("Board minutes of the Whitlockian era", DANA)).as("not as a word")
                .isEqualTo("Board minutes of the Whitlockian era");
        assertThat(ErasedTexts.erased(null, DANA)).isNull();
        assertThat(ErasedTexts.erased("Dana Whitlock", Map.of())).isEqualTo("Dana Whitlock");
    }

    @Test
    void a_name_is_found_in_html_as_the_templates_escape_it_and_with_accents_aside() {
        assertThat(ErasedTexts.names("<p>Ask Ms O&#39;Brien</p>", SIOBHAN)).isTrue();
        assertThat(ErasedTexts.names("<p>Ask Ms O&#x27;Brien</p>", SIOBHAN)).isTrue();
        assertThat(ErasedTexts.names("<p>Siobhan called</p>", SIOBHAN)).isTrue();
        assertThat(ErasedTexts.names("<p>Ask Ms O&amp;Brien &#99999999; &#xFFFFFF;</p>", SIOBHAN)).isFalse();
    }
}
