package org.compliance.platform.input;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class TextTest {

    @ParameterizedTest
    @ValueSource(strings = {"Consent for model training", "Zoë's café", "数据保护", "emoji 🙂 ok", "a\u200Db"})
    void ordinaryTextIsAccepted(String text) {
        assertThat(Text.refusal(text, false)).isEmpty();
        assertThat(Text.isVisiblyBlank(text)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"nul\u0000", "bell\u0007", "esc\u001B[31m", "del\u007F", "c1\u0085", "c1\u009F"})
    void controlCharactersAreRefusedEverywhere(String text) {
        assertThat(Text.refusal(text, true)).get().asString().contains("control character");
    }

    @Test
    void lineBreaksAndTabsOnlyWhereLinesAreAllowed() {
        assertThat(Text.refusal("first\r\nsecond\tthird", true)).isEmpty();
        assertThat(Text.refusal("first\nsecond", false)).get().asString().contains("single line");
        assertThat(Text.refusal("tab\there", false)).isPresent();
    }

    @Test
    void unpairedSurrogatesAreRefused() {
        assertThat(Text.refusal("high \uD83D alone", true)).get().asString().contains("unpaired surrogate");
        assertThat(Text.refusal("low \uDE42 alone", true)).get().asString().contains("unpaired surrogate");
        assertThat(Text.refusal("at the end \uD83D", true)).isPresent();
    }

    @Test
    void noncharactersAreRefused() {
        assertThat(Text.refusal("x\uFFFE", true)).isPresent();
        assertThat(Text.refusal("x\uFDD0", true)).isPresent();
        assertThat(Text.refusal("x" + Character.toString(0x1FFFF), true)).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\u200B", "\u200B\u200C\u200D", "\uFEFF", "\u00AD", "\u2060", "\u3164",
            "\u115F\u1160", "\u2800", " \u200B ", "\u0301", "\u180E", "\u2028"})
    void invisibleOnlyTextIsBlank(String text) {
        assertThat(Text.isVisiblyBlank(text)).isTrue();
    }

    @Test
    void invisibleOnlyIsNotPlainWhiteSpace() {
        assertThat(Text.isInvisibleOnly("\u200B")).isTrue();
        assertThat(Text.isInvisibleOnly("   ")).isFalse();
        assertThat(Text.isInvisibleOnly("")).isFalse();
        assertThat(Text.isInvisibleOnly("a\u200B")).isFalse();
    }
}
