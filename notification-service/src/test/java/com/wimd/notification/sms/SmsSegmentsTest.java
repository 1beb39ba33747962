package com.wimd.notification.sms;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SmsSegmentsTest {

    @Test
    void a_gsm7_text_of_up_to_160_characters_is_one_segment() {
        assertThat(SmsSegments.count("a".repeat(160))).isEqualTo(1);
        assertThat(SmsSegments.count("")).isEqualTo(1);
    }

    @Test
    void a_longer_gsm7_text_is_split_into_parts_of_153_characters() {
        assertThat(SmsSegments.count("a".repeat(161))).isEqualTo(2);
        assertThat(SmsSegments.count("a".repeat(306))).isEqualTo(2);
        assertThat(SmsSegments.count("a".repeat(307))).isEqualTo(3);
    }

    @Test
    void a_character_of_the_gsm7_extension_table_counts_twice() {
        assertThat(SmsSegments.count("€".repeat(80))).isEqualTo(1);
        assertThat(SmsSegments.count("€".repeat(80) + "a")).isEqualTo(2);
        assertThat(SmsSegments.isGsm7("[braces] {and} ~tilde~ | \\ ^ €")).isTrue();
    }

    @Test
    void one_character_outside_gsm7_makes_the_whole_text_ucs2_with_70_then_67_per_part() {
        assertThat(SmsSegments.isGsm7("Zoë at 10:00 — ok")).isFalse();
        assertThat(SmsSegments.count("ç".repeat(70))).as("ç is not GSM-7 (only Ç is)").isEqualTo(1);
        assertThat(SmsSegments.count("ç".repeat(71))).isEqualTo(2);
        assertThat(SmsSegments.count("ç".repeat(134))).isEqualTo(2);
        assertThat(SmsSegments.count("ç".repeat(135))).isEqualTo(3);
    }

    @Test
    void a_character_outside_the_basic_plane_takes_two_ucs2_units() {
        assertThat(SmsSegments.count("😀".repeat(35))).isEqualTo(1);
        assertThat(SmsSegments.count("😀".repeat(36))).isEqualTo(2);
    }

    @Test
    void accented_letters_of_the_gsm7_alphabet_keep_a_text_gsm7() {
        assertThat(SmsSegments.isGsm7("é è ù ì ò Ç Ø ø Å å Ä Ö Ñ Ü ä ö ñ ü à É ß £ ¥ §")).isTrue();
    }
}
