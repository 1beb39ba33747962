package com.wimd.notification.preferences;

import com.wimd.events.Client;
import com.wimd.events.NotificationPreferences;
import com.wimd.notification.log.Template;
import org.junit.jupiter.api.Test;

import static com.wimd.notification.log.Channel.EMAIL;
import static com.wimd.notification.log.Channel.IN_APP;
import static com.wimd.notification.log.Channel.SMS;
import static org.assertj.core.api.Assertions.assertThat;

class ChannelChoiceTest {

    static final Client CLIENT = new Client("user-1", "Alice", "alice@example.com", "+14165550199");

    static Client choosing(boolean email, boolean inapp, boolean sms) {
        return CLIENT.withNotifications(new NotificationPreferences(email, inapp, sms));
    }

    @Test
    void a_client_who_chose_nothing_hears_by_email_and_in_the_app() {
        assertThat(ChannelChoice.of(Template.BOOKING_CONFIRMED, CLIENT)).containsExactlyInAnyOrder(EMAIL, IN_APP);
    }

    @Test
    void a_client_hears_on_exactly_the_channels_chosen() {
        assertThat(ChannelChoice.of(Template.BOOKING_CONFIRMED, choosing(false, true, true))).containsExactlyInAnyOrder(IN_APP, SMS);
        assertThat(ChannelChoice.of(Template.BOOKING_CANCELLED, choosing(true, false, false))).containsExactly(EMAIL);
        assertThat(ChannelChoice.of(Template.BOOKING_RESCHEDULED, choosing(false, false, false))).isEmpty();
    }

    @Test
    void sms_goes_only_with_the_messages_that_have_a_text() {
        assertThat(ChannelChoice.of(Template.PAYMENT_REFUNDED, choosing(true, true, true))).containsExactlyInAnyOrder(EMAIL, IN_APP);
        assertThat(ChannelChoice.of(Template.BOOKING_FAILED, choosing(false, false, true))).isEmpty();
    }

    @Test
    void the_coachs_messages_always_go_by_email() {
        assertThat(ChannelChoice.of(Template.REFUND_FAILED, choosing(false, false, true))).containsExactly(EMAIL);
        assertThat(ChannelChoice.of(Template.FEE_CHARGE_FAILED, choosing(false, true, false))).containsExactly(EMAIL);
    }
}
