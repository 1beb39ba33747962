package com.wimd.booking.appointments.api;

import com.wimd.events.NotificationPreferences;
import com.wimd.support.problem.ProblemException;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NotificationChoicesTest {

    static final String FIELD = "notification_preferences";

    @Test
    void no_choice_keeps_the_defaults() {
        assertThat(NotificationChoices.read(null, FIELD)).isNull();
        assertThat(NotificationChoices.read(Map.of(), FIELD)).isEqualTo(NotificationPreferences.DEFAULT);
    }

    @Test
    void a_channel_left_out_or_null_takes_its_default() {
        Map<String, Object> choice = new HashMap<>();
        choice.put("sms", true);
        choice.put("email", null);
        assertThat(NotificationChoices.read(choice, FIELD)).isEqualTo(new NotificationPreferences(true, true, true));
        assertThat(NotificationChoices.read(Map.of("email", false, "inapp", false, "sms", false), FIELD))
                .isEqualTo(new NotificationPreferences(false, false, false));
    }

    @Test
    void a_value_that_is_not_true_or_false_is_refused_naming_the_channel() {
        for (Object value : List.of("true", "false", 1, 0, "", List.of(), Map.of())) {
            assertThatThrownBy(() -> NotificationChoices.read(Map.of("inapp", value), FIELD))
                    .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.field())
                            .as(String.valueOf(value)).isEqualTo("notification_preferences.inapp"));
            assertThatThrownBy(() -> NotificationChoices.read(Map.of("inapp", value), null))
                    .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.field()).isEqualTo("inapp"));
        }
    }

    @Test
    void another_channel_is_refused_without_echoing_its_name() {
        assertThatThrownBy(() -> NotificationChoices.read(Map.of("x".repeat(5000), true), FIELD))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.field()).isEqualTo(FIELD);
                    assertThat(e.getMessage()).isEqualTo("notification_preferences takes only email, inapp and sms");
                });
    }

    @Test
    void a_zone_is_an_iana_id_as_the_time_zone_database_spells_it() {
        assertThat(DateTimes.zone(" Europe/Paris ", "client_timezone")).isEqualTo("Europe/Paris");
        assertThat(DateTimes.zone("UTC", "client_timezone")).isEqualTo("UTC");
        assertThat(DateTimes.zone("  ", "client_timezone")).isNull();
        for (String notAZone : List.of("+05:00", "UTC+5", "Z", "europe/paris", "Mars/Olympus_Mons", "x".repeat(100))) {
            assertThatThrownBy(() -> DateTimes.zone(notAZone, "client_timezone"))
                    .as(notAZone).isInstanceOfSatisfying(ProblemException.class,
                            e -> assertThat(e.field()).isEqualTo("client_timezone"));
        }
    }
}
