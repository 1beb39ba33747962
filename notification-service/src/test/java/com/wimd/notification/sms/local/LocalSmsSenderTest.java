package com.wimd.notification.sms.local;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What the local SMS adapter writes to its log: the text's id and length, never the number or the words. */
class LocalSmsSenderTest {

    @Test
    void a_text_kept_locally_is_logged_by_its_id_and_length_alone() {
        String text = "Reminder: the coach calls you on +33 6 12 34 56 78 tomorrow at 10:00.";

        String line = LocalSmsSender.logLine("local-1", text);

        assertThat(line).contains("local-1").contains(text.length() + " characters")
                .doesNotContain("+33").doesNotContain("Reminder").doesNotContain("10:00");
    }
}
