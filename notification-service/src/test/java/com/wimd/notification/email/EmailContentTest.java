package com.wimd.notification.email;

import com.wimd.events.BookingCancelled;
import com.wimd.events.BookingConfirmed;
import com.wimd.events.BookingFailed;
import com.wimd.events.BookingRescheduled;
import com.wimd.events.BookingType;
import com.wimd.events.Client;
import com.wimd.events.CoachCalendarSynced;
import com.wimd.events.DateBlocked;
import com.wimd.events.EventEnvelope;
import com.wimd.events.EventPayload;
import com.wimd.events.FeeChargeFailed;
import com.wimd.events.LateFeeCharged;
import com.wimd.events.Money;
import com.wimd.events.OrphanPaymentRefunded;
import com.wimd.events.PaymentRefunded;
import com.wimd.events.RefundFailed;
import com.wimd.notification.config.NotificationConfig;
import com.wimd.notification.log.Template;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.Temporal;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every email as rendered from its event, without Kafka or SMTP: subject, both time zones (a client in Paris, the coach in
 * Toronto) or one when the client's zone is unknown, the number the coach calls, the links, both parts, Qute's escaping,
 * and the invites parsed back.
 */
@QuarkusTest
class EmailContentTest {

    static final Instant START = Instant.parse("2026-12-07T15:00:00Z"); // Monday 10:00 in Toronto, 16:00 in Paris
    static final Instant CHANGED = Instant.parse("2026-12-01T14:05:00Z");
    static final String PARIS_TIME = "Monday, December 7, 2026 at 4:00 PM CET";
    static final String TORONTO_TIME = "Monday, December 7, 2026 at 10:00 AM EST";
    static final String NAME = "<b>Ann & \"Bo\"</b>";
    static final String ESCAPED_NAME = "&lt;b&gt;Ann &amp; &quot;Bo&quot;&lt;/b&gt;";
    static final String PHONE = "+33612345678";
    static final Client ANN_IN_PARIS = new Client("ann", NAME, "ann@example.com", PHONE, "Europe/Paris", null);
    static final Client ANN_ZONE_UNKNOWN = new Client("ann", NAME, "ann@example.com", PHONE, null, null);

    @Inject
    EmailRenderer renderer;

    @Inject
    NotificationConfig config;

    EmailRenderer.Content render(EventPayload payload, Instant occurredAt) {
        return renderer.render(EventEnvelope.first(payload, occurredAt), "ann@example.com");
    }

    String page() {
        return config.bookingPageUrl().endsWith("/") ? config.bookingPageUrl() : config.bookingPageUrl() + "/";
    }

    /** Both parts show the time in the client's zone and in the coach's, and the HTML part escapes the client's name. */
    static void inBothZones(EmailRenderer.Content email) {
        assertThat(email.text()).contains(PARIS_TIME + " (your time; " + TORONTO_TIME + " for the coach)");
        assertThat(email.html()).contains(PARIS_TIME).contains(TORONTO_TIME + " for the coach");
        escaped(email);
    }

    static void inOneZone(EmailRenderer.Content email) {
        assertThat(email.text()).contains(TORONTO_TIME).doesNotContain("your time").doesNotContain("CET");
        assertThat(email.html()).contains(TORONTO_TIME).doesNotContain("your time").doesNotContain("CET");
    }

    static void escaped(EmailRenderer.Content email) {
        assertThat(email.text()).contains("Hello " + NAME + ",");
        assertThat(email.html()).startsWith("<!DOCTYPE html>").contains("Hello " + ESCAPED_NAME + ",").doesNotContain("<b>Ann");
    }

    /** A session still to come: the number called, how to prepare, where to reschedule or cancel, and the policy. */
    void upcoming(EmailRenderer.Content email, UUID booking) {
        String reschedule = page() + "bookings/" + booking + "/reschedule";
        String cancel = page() + "bookings/" + booking + "/cancel";
        assertThat(email.text()).contains("The coach will phone you at " + PHONE)
                .contains("How to prepare: " + config.preparationNotes())
                .contains("Reschedule: " + reschedule).contains("Cancel: " + cancel)
                .contains("Changes are free up to 24 hours before the call.").contains("50 %");
        assertThat(email.html()).contains("The coach will phone you at <strong>" + PHONE + "</strong>")
                .contains(config.preparationNotes().replace("'", "&#39;"))
                .contains("<a href=\"" + reschedule + "\">Reschedule</a>").contains("<a href=\"" + cancel + "\">cancel</a>")
                .contains("Changes are free up to 24 hours before the call.");
    }

    /** A booking that is over: the way to book again, with the number the coach would call. */
    void bookAgain(EmailRenderer.Content email) {
        assertThat(email.text()).contains("the coach will phone you at " + PHONE).contains(page())
                .contains("Changes are free up to 24 hours before the call.");
        assertThat(email.html()).contains("<a href=\"" + page() + "\">Book another time</a>").contains(PHONE);
    }

    static VEvent invite(EmailRenderer.Content email, String method) throws Exception {
        assertThat(email.invite()).isNotNull();
        assertThat(email.invite().contentType()).startsWith("text/calendar").contains("method=" + method);
        Calendar calendar = new CalendarBuilder().build(new StringReader(email.invite().ics()));
        assertThat(calendar.getMethod().getValue()).isEqualTo(method);
        assertThat(calendar.validate().getEntries()).isEmpty();
        return calendar.<VEvent>getComponents().get(0);
    }

    static int sequence(VEvent event) {
        return Integer.parseInt(event.getProperty(Property.SEQUENCE).orElseThrow().getValue());
    }

    static String uid(VEvent event) {
        return event.getProperty(Property.UID).orElseThrow().getValue();
    }

    static Instant start(VEvent event) {
        return Instant.from((Temporal) event.getDateTimeStart().getDate());
    }

    BookingConfirmed confirmed(UUID booking, Client client) {
        return new BookingConfirmed(booking, client, BookingType.PAID_SINGLE, START, START.plusSeconds(1800), "evt-1");
    }

    BookingRescheduled moved(UUID booking, Client client, String by, int count, Money fee) {
        Instant to = START.plusSeconds(86400);
        return new BookingRescheduled(booking, client, BookingType.PAID_SINGLE, START, to, to.plusSeconds(1800), null,
                "evt-1", count, by, fee);
    }

    BookingCancelled cancelled(UUID booking, Client client, String by, String reason) {
        return new BookingCancelled(booking, client, BookingType.PAID_SINGLE, START, START.plusSeconds(1800), "evt-1", by,
                reason, false, new Money(15000, "CAD"), Money.zero("CAD"), false, "pi_1", null);
    }

    @Test
    void the_confirmation_shows_both_zones_the_number_the_preparation_the_links_and_a_request_invite() throws Exception {
        UUID booking = UUID.randomUUID();
        EmailRenderer.Content email = render(confirmed(booking, ANN_IN_PARIS), CHANGED);

        assertThat(email.subject()).isEqualTo("Your coaching call is confirmed: Monday, December 7 at 4:00 PM CET");
        assertThat(email.text()).contains("Your coaching call is confirmed for " + PARIS_TIME).contains("30 minutes");
        inBothZones(email);
        upcoming(email, booking);
        VEvent event = invite(email, "REQUEST");
        assertThat(uid(event)).isEqualTo(booking + "@coach-booking");
        assertThat(sequence(event)).isZero();
        assertThat(start(event)).isEqualTo(START);
        assertThat(event.getDescription().getValue()).contains(PHONE).contains(page() + "bookings/" + booking + "/cancel");
    }

    @Test
    void the_reminder_shows_both_zones_the_number_the_preparation_and_the_links_without_a_new_invite() {
        UUID booking = UUID.randomUUID();
        EmailRenderer.Content email = renderer.render(Template.SESSION_REMINDER,
                EventEnvelope.first(confirmed(booking, ANN_IN_PARIS), CHANGED), "ann@example.com");

        assertThat(email.subject()).isEqualTo("Reminder: your coaching call is coming up: Monday, December 7 at 4:00 PM CET");
        assertThat(email.text()).contains("A reminder: your coaching call is on " + PARIS_TIME).contains("30 minutes");
        inBothZones(email);
        upcoming(email, booking);
        assertThat(email.invite()).as("the calendar already holds the event; the reminder does not change it").isNull();
    }

    @Test
    void the_reminder_after_a_move_is_of_the_new_time() {
        UUID booking = UUID.randomUUID();
        EmailRenderer.Content email = renderer.render(Template.SESSION_REMINDER,
                EventEnvelope.first(moved(booking, ANN_ZONE_UNKNOWN, "BACKUP", 0, Money.zero("CAD")), CHANGED), "ann@example.com");

        assertThat(email.subject()).isEqualTo("Reminder: your coaching call is coming up: Tuesday, December 8 at 10:00 AM EST");
        assertThat(email.text()).contains("A reminder: your coaching call is on Tuesday, December 8, 2026 at 10:00 AM EST")
                .doesNotContain("your time").doesNotContain("December 7");
        upcoming(email, booking);
    }

    @Test
    void a_client_whose_zone_is_unknown_reads_the_coachs_time_once() {
        EmailRenderer.Content email = render(confirmed(UUID.randomUUID(), ANN_ZONE_UNKNOWN), CHANGED);

        assertThat(email.subject()).isEqualTo("Your coaching call is confirmed: Monday, December 7 at 10:00 AM EST");
        assertThat(email.text()).contains("Your coaching call is confirmed for " + TORONTO_TIME + " and lasts 30 minutes.");
        inOneZone(email);
        escaped(email);
    }

    @Test
    void a_move_by_the_client_tells_the_new_time_and_fee_with_an_invite_that_updates_the_same_event() throws Exception {
        UUID booking = UUID.randomUUID();
        VEvent first = invite(render(confirmed(booking, ANN_IN_PARIS), CHANGED), "REQUEST");
        EmailRenderer.Content email = render(moved(booking, ANN_IN_PARIS, "CLIENT", 1, new Money(7500, "CAD")),
                CHANGED.plusSeconds(3600));

        assertThat(email.subject()).isEqualTo("Your coaching call has moved: Tuesday, December 8 at 4:00 PM CET");
        assertThat(email.text()).contains("You moved your call from " + PARIS_TIME + " to Tuesday, December 8, 2026 at 4:00 PM CET"
                + " (your time; Tuesday, December 8, 2026 at 10:00 AM EST for the coach).")
                .contains("A late-change fee of 75.00 CAD was charged");
        escaped(email);
        upcoming(email, booking);
        VEvent event = invite(email, "REQUEST");
        assertThat(uid(event)).isEqualTo(uid(first));
        assertThat(sequence(event)).isGreaterThan(sequence(first));
        assertThat(start(event)).isEqualTo(START.plusSeconds(86400));
    }

    @Test
    void a_move_to_the_backup_time_says_so_and_its_invite_outranks_the_clients_earlier_move() throws Exception {
        UUID booking = UUID.randomUUID();
        VEvent clientMove = invite(render(moved(booking, ANN_IN_PARIS, "CLIENT", 1, Money.zero("CAD")), CHANGED), "REQUEST");
        // a blocked date's move keeps the client's reschedule count: the sequence cannot come from it
        EmailRenderer.Content email = render(moved(booking, ANN_IN_PARIS, "BACKUP", 1, Money.zero("CAD")),
                CHANGED.plusSeconds(60));

        assertThat(email.subject()).isEqualTo("Your coaching call has moved to your backup time: Tuesday, December 8 at 4:00 PM CET");
        assertThat(email.text()).contains("The coach is not available on the day of your call on " + PARIS_TIME)
                .contains("so we moved it to the backup time you gave: Tuesday, December 8, 2026 at 4:00 PM CET (your time; "
                        + "Tuesday, December 8, 2026 at 10:00 AM EST for the coach).")
                .contains("Nothing is charged");
        escaped(email);
        upcoming(email, booking);
        VEvent event = invite(email, "REQUEST");
        assertThat(uid(event)).isEqualTo(uid(clientMove));
        assertThat(sequence(event)).isGreaterThan(sequence(clientMove));
    }

    @Test
    void a_cancellation_tells_the_money_and_sends_a_cancel_of_the_same_event_with_a_higher_sequence() throws Exception {
        UUID booking = UUID.randomUUID();
        VEvent move = invite(render(moved(booking, ANN_IN_PARIS, "CLIENT", 1, Money.zero("CAD")), CHANGED), "REQUEST");
        EmailRenderer.Content email = render(cancelled(booking, ANN_IN_PARIS, "CLIENT", "plans changed"), CHANGED);

        assertThat(email.subject()).isEqualTo("Your coaching call is cancelled");
        assertThat(email.text()).contains("You cancelled your call on " + PARIS_TIME + " (your time; " + TORONTO_TIME
                + " for the coach) (plans changed).").contains("150.00 CAD is being refunded to your card");
        inBothZones(email);
        bookAgain(email);
        assertThat(email.text()).doesNotContain("pick another time");
        VEvent event = invite(email, "CANCEL");
        assertThat(uid(event)).isEqualTo(uid(move));
        assertThat(sequence(event)).as("decided in the same second as the move, still later").isGreaterThan(sequence(move));
        assertThat(start(event)).isEqualTo(START);
    }

    @Test
    void a_cancellation_because_the_coach_blocked_the_date_asks_to_book_again_with_a_link() throws Exception {
        EmailRenderer.Content email = render(cancelled(UUID.randomUUID(), ANN_ZONE_UNKNOWN, "COACH",
                "the coach is not available on Monday, December 7"), CHANGED);

        assertThat(email.text()).contains("The coach cancelled your call on " + TORONTO_TIME
                        + " (the coach is not available on Monday, December 7).")
                .contains("Please pick another time on the booking page: " + page());
        assertThat(email.html()).contains("Please <a href=\"" + page() + "\">pick another time</a>");
        assertThat(email.text()).contains("The coach will phone you at " + PHONE + " unless you give another number.")
                .contains("Changes are free up to 24 hours before the call.");
        inOneZone(email);
        escaped(email);
        invite(email, "CANCEL");
    }

    @Test
    void a_failed_booking_gives_the_reason_both_zones_and_the_way_to_book_again_without_an_invite() {
        EmailRenderer.Content email = render(new BookingFailed(UUID.randomUUID(), ANN_IN_PARIS, START, "the slot was <taken>"), CHANGED);

        assertThat(email.subject()).isEqualTo("We could not book your call");
        assertThat(email.text()).contains("We could not book your call on " + PARIS_TIME).contains("the slot was <taken>.");
        assertThat(email.html()).contains("the slot was &lt;taken&gt;.");
        inBothZones(email);
        bookAgain(email);
        assertThat(email.invite()).isNull();
    }

    @Test
    void a_failed_booking_without_a_time_or_reason_still_reads_well() {
        EmailRenderer.Content email = render(new BookingFailed(UUID.randomUUID(), ANN_ZONE_UNKNOWN, null, null), CHANGED);

        assertThat(email.text()).contains("We could not book your call: an unexpected problem.");
    }

    @Test
    void a_refund_tells_how_much_for_which_call_in_both_zones() {
        EmailRenderer.Content email = render(new PaymentRefunded(UUID.randomUUID(), "pi_1", "re_1", new Money(15000, "USD"),
                "the booking failed", ANN_IN_PARIS, START), CHANGED);

        assertThat(email.subject()).isEqualTo("Your payment was refunded: 150.00 USD");
        assertThat(email.text()).contains("We refunded 150.00 USD to your card for your call on " + PARIS_TIME)
                .contains("(the booking failed).").contains("5 to 10 business days");
        inBothZones(email);
        bookAgain(email);
        assertThat(email.invite()).isNull();
    }

    @Test
    void a_refund_to_a_client_whose_zone_is_unknown_shows_the_coachs_time_once() {
        EmailRenderer.Content email = render(new PaymentRefunded(UUID.randomUUID(), "pi_1", "re_1", new Money(15000, "USD"),
                null, ANN_ZONE_UNKNOWN, START), CHANGED);

        inOneZone(email);
        bookAgain(email);
    }

    @Test
    void an_orphan_refund_says_no_booking_used_the_payment() {
        EmailRenderer.Content email = render(new OrphanPaymentRefunded(UUID.randomUUID(), "pi_1", "re_1", new Money(15000, "USD"),
                "that slot was just taken", ANN_IN_PARIS), CHANGED);

        assertThat(email.subject()).isEqualTo("Your payment was refunded: 150.00 USD");
        assertThat(email.text()).contains("We refunded 150.00 USD to your card because no booking used your payment: "
                + "that slot was just taken.");
        escaped(email);
        bookAgain(email);
    }

    @Test
    void a_late_fee_for_a_move_shows_the_session_still_to_come() {
        UUID booking = UUID.randomUUID();
        EmailRenderer.Content email = render(new LateFeeCharged(booking, ANN_IN_PARIS, LateFeeCharged.reschedule(1),
                new Money(7500, "CAD"), "pi_fee", START), CHANGED);

        assertThat(email.subject()).isEqualTo("Late change fee charged: 75.00 CAD");
        assertThat(email.text()).contains("We charged 75.00 CAD to your saved card for moving your call on " + PARIS_TIME);
        inBothZones(email);
        upcoming(email, booking);
    }

    @Test
    void a_late_fee_for_a_cancellation_shows_the_way_to_book_again() {
        EmailRenderer.Content email = render(new LateFeeCharged(UUID.randomUUID(), ANN_ZONE_UNKNOWN, LateFeeCharged.CANCEL,
                new Money(8333, "USD"), "pi_fee", START), CHANGED);

        assertThat(email.subject()).isEqualTo("Late change fee charged: 83.33 USD");
        assertThat(email.text()).contains("for cancelling your call on " + TORONTO_TIME);
        inOneZone(email);
        bookAgain(email);
    }

    @Test
    void the_coach_hears_of_a_failed_refund_with_the_client_escaped() {
        UUID booking = UUID.randomUUID();
        EmailRenderer.Content email = render(new RefundFailed(booking, "BOOKING", "pi_fail", "re_fail", new Money(15000, "CAD"),
                "the calendar refused the session", "charge_disputed", ANN_IN_PARIS), CHANGED);

        assertThat(email.subject()).isEqualTo("Action needed: a refund failed: 150.00 CAD");
        assertThat(email.text()).contains("A refund of 150.00 CAD to " + NAME + " <ann@example.com> for booking " + booking)
                .contains("charge_disputed").contains("pi_fail, refund re_fail").contains("has not been told");
        assertThat(email.html()).contains(ESCAPED_NAME + " &lt;ann@example.com&gt;").doesNotContain("<b>Ann");
    }

    @Test
    void the_coach_hears_of_a_late_fee_that_could_not_be_given_back_as_the_fee_of_its_booking() {
        UUID booking = UUID.randomUUID();
        EmailRenderer.Content email = render(new RefundFailed(booking, "FEE", "pi_fee", null, new Money(7500, "CAD"),
                "the coach is no longer available on that day", "charge_disputed", ANN_IN_PARIS), CHANGED);

        assertThat(email.subject()).isEqualTo("Action needed: a refund failed: 75.00 CAD");
        assertThat(email.text()).contains("A refund of 75.00 CAD to " + NAME + " <ann@example.com> for the late fee of booking " + booking)
                .contains("charge_disputed").contains("pi_fee");
    }

    @Test
    void the_coach_hears_of_a_fee_that_could_not_be_charged() {
        UUID booking = UUID.randomUUID();
        EmailRenderer.Content email = render(new FeeChargeFailed(booking, ANN_IN_PARIS, "cancel", new Money(8333, "USD"),
                "Your card was declined.", START), CHANGED);

        assertThat(email.subject()).isEqualTo("Action needed: a late fee was not paid: 83.33 USD");
        assertThat(email.text()).contains("for the call on " + TORONTO_TIME).contains("Your card was declined.")
                .contains("credit is forfeited").contains(booking.toString());
        assertThat(email.html()).contains(ESCAPED_NAME).doesNotContain("<b>Ann");
    }

    @Test
    void the_coach_hears_that_the_calendar_cannot_be_read() {
        EmailRenderer.Content email = render(new CoachCalendarSynced(CHANGED, START, false, "answered <503>", true), CHANGED);

        assertThat(email.subject()).isEqualTo("Action needed: your calendar cannot be read");
        assertThat(email.text()).contains("since " + TORONTO_TIME).contains("answered <503>").contains("busy times last read");
        assertThat(email.html()).contains("answered &lt;503&gt;");
    }

    @Test
    void the_coach_gets_a_summary_of_a_blocked_date() {
        UUID moved = UUID.randomUUID();
        UUID cancelled = UUID.randomUUID();
        EmailRenderer.Content email = render(new DateBlocked(LocalDate.parse("2027-01-11"), "a <conference>", List.of(moved),
                List.of(cancelled), List.of(), CHANGED), CHANGED);

        assertThat(email.subject()).isEqualTo("Date blocked: 2027-01-11");
        assertThat(email.text()).contains("You blocked 2027-01-11 (a <conference>).").contains("1 booking(s) moved")
                .contains("Moved: " + moved).contains("Cancelled: " + cancelled).doesNotContain("still being booked");
        assertThat(email.html()).contains("a &lt;conference&gt;").contains("<li>" + moved + "</li>");
    }
}
