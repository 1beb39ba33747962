package com.wimd.notification.email;

import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.parameter.Cn;
import net.fortuna.ical4j.model.parameter.PartStat;
import net.fortuna.ical4j.model.parameter.Role;
import net.fortuna.ical4j.model.property.Attendee;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.Method;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The calendar invite (iCalendar) attached to a confirmation, a reschedule or a move to the backup time (METHOD:REQUEST),
 * and to a cancellation (METHOD:CANCEL). One UID per booking, so each later message updates, or removes, the event
 * already in the client's calendar; its SEQUENCE is higher than every earlier one's ({@link #sequenceOf}). Times are UTC
 * instants, so the file needs no VTIMEZONE and every calendar shows the call in its reader's own zone.
 */
public final class CalendarInvite {

    public static final String FILE_NAME = "invite.ics";
    public static final String CONTENT_TYPE = "text/calendar; method=REQUEST; charset=UTF-8";
    public static final String CANCEL_CONTENT_TYPE = "text/calendar; method=CANCEL; charset=UTF-8";
    public static final String SUMMARY = "Coaching call";
    static final String PRODUCT_ID = "-//Coach booking//notification-service//EN";

    /** Where sequences of changes count from: 2 × 2^30 seconds later (2059) they would no longer fit an iCalendar integer. */
    static final Instant SEQUENCE_EPOCH = Instant.parse("2025-01-01T00:00:00Z");

    private CalendarInvite() {
    }

    /**
     * The SEQUENCE of the invite for a change of the booking that booking-service decided at {@code changedAt} (the
     * event's {@code occurred_at}): twice its whole seconds since {@link #SEQUENCE_EPOCH}, plus one for a cancellation.
     * Every later change has a higher one, whatever order notification-service reads the events in (they come on
     * different topics), and a cancellation beats a move decided in the same second. The confirmation's is 0.
     */
    public static int sequenceOf(Instant changedAt, boolean cancellation) {
        long seconds = Math.max(0, Duration.between(SEQUENCE_EPOCH, changedAt).getSeconds());
        return (int) Math.min(Integer.MAX_VALUE, 2 * seconds + (cancellation ? 1 : 0));
    }

    /** The booking's stable UID: a later update or cancellation of the same booking replaces this event. */
    public static String uid(UUID bookingId) {
        return bookingId + "@coach-booking";
    }

    /** What the invite is about: the session, who takes part, and what its event says. */
    public record Session(UUID bookingId, Instant start, Instant end, String clientName, String clientEmail,
                          String coachEmail, String description) {

        public Session {
            Objects.requireNonNull(clientEmail, "clientEmail"); // iTIP requires an attendee, who receives the invite
        }
    }

    /**
     * A REQUEST: the session to put in, or update in, the client's calendar.
     *
     * @param stamp    when the invite was made (DTSTAMP): the event's time, so a resent invite is the same file
     * @param sequence 0 for the first invite; higher for each change, so the client's calendar updates its event
     */
    public static String request(Session session, Instant stamp, int sequence) {
        return ics(session, stamp, sequence, ImmutableMethod.REQUEST, ImmutableStatus.VEVENT_CONFIRMED);
    }

    /** A CANCEL: the same UID with a higher SEQUENCE, so the client's calendar removes (or strikes out) the event. */
    public static String cancel(Session session, Instant stamp, int sequence) {
        return ics(session, stamp, sequence, ImmutableMethod.CANCEL, ImmutableStatus.VEVENT_CANCELLED);
    }

    private static String ics(Session session, Instant stamp, int sequence, Method method, Status status) {
        VEvent event = new VEvent(false);
        event.add(new DtStamp(stamp));
        event.add(new Uid(uid(session.bookingId())));
        event.add(new Sequence(sequence));
        event.add(new DtStart<>(session.start()));
        event.add(new DtEnd<>(session.end()));
        event.add(new Summary(SUMMARY));
        event.add(new Description(session.description()));
        event.add(status);
        event.add(new Organizer(new ParameterList(List.<Parameter>of(new Cn("Coach"))), URI.create("mailto:" + session.coachEmail())));
        ParameterList attendee = session.clientName() == null || session.clientName().isBlank()
                ? new ParameterList(List.<Parameter>of(Role.REQ_PARTICIPANT, PartStat.ACCEPTED))
                : new ParameterList(List.<Parameter>of(new Cn(session.clientName()), Role.REQ_PARTICIPANT, PartStat.ACCEPTED));
        event.add(new Attendee(attendee, URI.create("mailto:" + session.clientEmail())));
        Calendar calendar = new Calendar()
                .withProdId(PRODUCT_ID)
                .withProperty(ImmutableVersion.VERSION_2_0)
                .withProperty(ImmutableCalScale.GREGORIAN)
                .withProperty(method)
                .withComponent(event)
                .getFluentTarget();
        StringWriter out = new StringWriter();
        try {
            new CalendarOutputter().output(calendar, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
