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
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.Sequence;
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
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The calendar invite (iCalendar, METHOD:REQUEST) attached to a confirmation or a reschedule email: one UID per
 * booking, so a reschedule's invite (a higher SEQUENCE) moves the event already in the client's calendar. Times are UTC instants,
 * so the file needs no VTIMEZONE and every calendar shows the call in its reader's own zone.
 */
public final class CalendarInvite {

    public static final String FILE_NAME = "invite.ics";
    public static final String CONTENT_TYPE = "text/calendar; method=REQUEST; charset=UTF-8";
    public static final String SUMMARY = "Coaching call";
    static final String PRODUCT_ID = "-//Coach booking//notification-service//EN";

    private CalendarInvite() {
    }

    /**
     * The SEQUENCE of an invite sent for a change made at {@code changedAt}: its second since the epoch, so every later
     * change has a higher one (the confirmation's is 0).
     */
    public static int sequenceOfChangeAt(Instant changedAt) {
        return (int) Math.min(Integer.MAX_VALUE, changedAt.getEpochSecond());
    }

    /** The booking's stable UID: a later update or cancellation of the same booking replaces this event. */
    public static String uid(UUID bookingId) {
        return bookingId + "@coach-booking";
    }

    /**
     * @param clientEmail the attendee (iTIP requires one in a REQUEST), who receives the invite
     * @param stamp       when the invite was made (DTSTAMP): the event's time, so a resent invite is the same file
     * @param sequence    0 for the first invite; higher for each change, so the client's calendar updates its event
     */
    public static String ics(UUID bookingId, Instant start, Instant end, String clientPhone, String clientName,
                             String clientEmail, String coachEmail, Instant stamp, int sequence) {
        Objects.requireNonNull(clientEmail, "clientEmail");
        VEvent event = new VEvent(false);
        event.add(new DtStamp(stamp));
        event.add(new Uid(uid(bookingId)));
        event.add(new Sequence(sequence));
        event.add(new DtStart<>(start));
        event.add(new DtEnd<>(end));
        event.add(new Summary(SUMMARY));
        event.add(new Description("The coach will call you at " + clientPhone + "."));
        event.add(ImmutableStatus.VEVENT_CONFIRMED);
        event.add(new Organizer(new ParameterList(List.<Parameter>of(new Cn("Coach"))), URI.create("mailto:" + coachEmail)));
        ParameterList attendee = clientName == null || clientName.isBlank()
                ? new ParameterList(List.<Parameter>of(Role.REQ_PARTICIPANT, PartStat.ACCEPTED))
                : new ParameterList(List.<Parameter>of(new Cn(clientName), Role.REQ_PARTICIPANT, PartStat.ACCEPTED));
        event.add(new Attendee(attendee, URI.create("mailto:" + clientEmail)));
        Calendar calendar = new Calendar()
                .withProdId(PRODUCT_ID)
                .withProperty(ImmutableVersion.VERSION_2_0)
                .withProperty(ImmutableCalScale.GREGORIAN)
                .withProperty(ImmutableMethod.REQUEST)
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
