package com.wimd.notification.timeline;

import com.wimd.events.ClientNotified;
import com.wimd.notification.log.Channel;
import com.wimd.notification.log.DeliveryStatus;
import com.wimd.notification.log.Template;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static com.wimd.notification.log.DeliveryStatus.DISABLED;
import static com.wimd.notification.log.DeliveryStatus.FAILED;
import static com.wimd.notification.log.DeliveryStatus.PENDING;
import static com.wimd.notification.log.DeliveryStatus.SENT;
import static org.assertj.core.api.Assertions.assertThat;

class ClientNotifiedPolicyTest {

    static final UUID BOOKING = UUID.fromString("6f1c2d4e-1111-4a5b-9c8d-000000000001");

    @Test
    void an_email_that_went_out_is_announced_as_sent_to_the_client() {
        assertThat(ClientNotifiedPolicy.onChange(BOOKING, Channel.EMAIL, Template.BOOKING_CONFIRMED, PENDING, SENT))
                .contains(new ClientNotified(BOOKING, "EMAIL", "BOOKING_CONFIRMED", "CLIENT", "SENT"));
    }

    @Test
    void an_email_given_up_on_is_announced_as_failed() {
        assertThat(ClientNotifiedPolicy.onChange(BOOKING, Channel.EMAIL, Template.BOOKING_CANCELLED, PENDING, FAILED))
                .contains(new ClientNotified(BOOKING, "EMAIL", "BOOKING_CANCELLED", "CLIENT", "FAILED"));
    }

    @Test
    void a_failed_attempt_that_will_be_retried_is_not_announced() {
        assertThat(ClientNotifiedPolicy.onChange(BOOKING, Channel.EMAIL, Template.BOOKING_CONFIRMED, PENDING, PENDING))
                .isEmpty();
    }

    @Test
    void an_email_written_pending_is_not_announced_yet() {
        assertThat(ClientNotifiedPolicy.onChange(BOOKING, Channel.EMAIL, Template.BOOKING_CONFIRMED, null, PENDING))
                .isEmpty();
    }

    @Test
    void rows_settled_as_they_are_written_are_announced_then() {
        assertThat(ClientNotifiedPolicy.onChange(BOOKING, Channel.IN_APP, Template.BOOKING_FAILED, null, SENT))
                .contains(new ClientNotified(BOOKING, "INAPP", "BOOKING_FAILED", "CLIENT", "SENT"));
        assertThat(ClientNotifiedPolicy.onChange(BOOKING, Channel.EMAIL, Template.BOOKING_FAILED, null, FAILED))
                .as("an email with no address")
                .contains(new ClientNotified(BOOKING, "EMAIL", "BOOKING_FAILED", "CLIENT", "FAILED"));
    }

    @Test
    void a_text_not_sent_because_sms_is_switched_off_is_announced_as_disabled_when_written() {
        assertThat(ClientNotifiedPolicy.onChange(BOOKING, Channel.SMS, Template.BOOKING_CONFIRMED, null, DISABLED))
                .contains(new ClientNotified(BOOKING, "SMS", "BOOKING_CONFIRMED", "CLIENT", "DISABLED"));
    }

    @Test
    void a_row_that_had_settled_already_is_never_announced_again() {
        for (DeliveryStatus before : new DeliveryStatus[]{SENT, FAILED, DISABLED}) {
            for (DeliveryStatus after : DeliveryStatus.values()) {
                assertThat(ClientNotifiedPolicy.onChange(BOOKING, Channel.EMAIL, Template.BOOKING_CONFIRMED, before, after))
                        .as(before + " -> " + after).isEmpty();
            }
        }
    }

    @Test
    void the_coachs_emails_about_a_booking_name_the_coach_as_recipient() {
        assertThat(ClientNotifiedPolicy.onChange(BOOKING, Channel.EMAIL, Template.REFUND_FAILED, PENDING, SENT))
                .contains(new ClientNotified(BOOKING, "EMAIL", "REFUND_FAILED", "COACH", "SENT"));
        assertThat(ClientNotifiedPolicy.onChange(BOOKING, Channel.EMAIL, Template.FEE_CHARGE_FAILED, PENDING, FAILED))
                .contains(new ClientNotified(BOOKING, "EMAIL", "FEE_CHARGE_FAILED", "COACH", "FAILED"));
    }

    @Test
    void messages_about_the_coachs_calendar_rather_than_a_booking_are_not_announced() {
        assertThat(ClientNotifiedPolicy.onChange(BOOKING, Channel.EMAIL, Template.DATE_BLOCKED, PENDING, SENT)).isEmpty();
        assertThat(ClientNotifiedPolicy.onChange(BOOKING, Channel.EMAIL, Template.CALENDAR_UNREACHABLE, PENDING, SENT)).isEmpty();
    }

    @Test
    void every_template_is_found_by_the_slug_the_log_stores() {
        for (Template template : Template.values()) {
            assertThat(Template.ofSlug(template.slug())).isEqualTo(template);
        }
    }
}
