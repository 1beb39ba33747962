package com.wimd.booking.appointments.api;

import com.wimd.booking.appointments.domain.ChangePolicy;
import com.wimd.booking.appointments.persistence.Appointment;
import com.wimd.booking.appointments.service.BookingService;
import com.wimd.booking.appointments.service.Caller;
import com.wimd.booking.appointments.service.Cancellations;
import com.wimd.booking.appointments.service.NotificationChanges;
import com.wimd.booking.appointments.service.Reschedules;
import com.wimd.booking.config.BookingConfig;
import com.wimd.booking.packages.api.PackageView;
import com.wimd.booking.packages.persistence.SessionPackage;
import com.wimd.events.NotificationPreferences;
import com.wimd.support.api.Cursor;
import com.wimd.support.problem.ProblemType;
import com.wimd.support.ratelimit.RateLimited;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@Path("/booking")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class BookingResource {

    private final BookingService bookings;
    private final Cancellations cancellations;
    private final Reschedules reschedules;
    private final NotificationChanges notificationChanges;
    private final SecurityIdentity identity;
    private final BookingConfig config;
    private final Clock clock;

    public BookingResource(BookingService bookings, Cancellations cancellations, Reschedules reschedules,
                           NotificationChanges notificationChanges, SecurityIdentity identity, BookingConfig config,
                           Clock clock) {
        this.bookings = bookings;
        this.cancellations = cancellations;
        this.reschedules = reschedules;
        this.notificationChanges = notificationChanges;
        this.identity = identity;
        this.config = config;
        this.clock = clock;
    }

    /** Books a free session with a promo code. Answers 202: the slot is held while the saga runs. */
    @POST
    @RateLimited(value = "booking", perClient = "10/1m", perAddress = "30/1m")
    @Path("/create-free")
    public Uni<Response> createFree(CreateFreeBookingRequest body) {
        required(body);
        return accepted(bookings.bookFree(Callers.of(identity),
                slot(body.scheduledDatetime(), body.backupDatetime(), body.userPhone(),
                        body.clientTimezone(), body.notificationPreferences()), body.promoCode()));
    }

    /**
     * Books a session paid by card, at least 24 hours ahead. Answers 202: the slot is held while payment-service
     * verifies the PaymentIntent (for 15 minutes at most), then the calendar step runs.
     */
    @POST
    @RateLimited(value = "booking", perClient = "10/1m", perAddress = "30/1m")
    @Path("/create-paid-single")
    public Uni<Response> createPaidSingle(CreatePaidSingleRequest body) {
        required(body);
        return accepted(bookings.bookPaidSingle(Callers.of(identity),
                slot(body.scheduledDatetime(), body.backupDatetime(), body.userPhone(),
                        body.clientTimezone(), body.notificationPreferences()),
                body.currency(), body.stripePaymentIntentId()));
    }

    /** Books one session of a paid package (one credit, at least 24 hours ahead). Answers 202. */
    @POST
    @RateLimited(value = "booking", perClient = "10/1m", perAddress = "30/1m")
    @Path("/use-package-session")
    public Uni<Response> usePackageSession(UsePackageSessionRequest body) {
        required(body);
        return accepted(bookings.bookFromPackage(Callers.of(identity),
                slot(body.scheduledDatetime(), body.backupDatetime(), body.userPhone(),
                        body.clientTimezone(), body.notificationPreferences()), body.packageId()));
    }

    private BookingService.SlotRequest slot(String scheduled, String backup, String phone, String clientZone,
                                            Map<String, Object> notifications) {
        return new BookingService.SlotRequest(
                DateTimes.parse(scheduled, "scheduled_datetime", config.coachZone()),
                backup == null || backup.isBlank() ? null : DateTimes.parse(backup, "backup_datetime", config.coachZone()),
                phone,
                DateTimes.zone(clientZone, "client_timezone"),
                NotificationChoices.read(notifications, "notification_preferences"));
    }

    static void required(Object body) {
        if (body == null) {
            throw ProblemType.VALIDATION.because("a JSON body is required");
        }
    }

    private static Uni<Response> accepted(Uni<Appointment> booked) {
        return booked.map(a -> {
            URI location = URI.create("/booking/" + a.id);
            return Response.accepted(new BookingAccepted(a.id, a.status.name(), a.scheduledAt, location.toString()))
                    .location(location).build();
        });
    }

    /** One appointment and its saga; its owner and the coach may see it, to anyone else it does not exist. */
    @GET
    @Path("/{id: [0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}}")
    @WithSession
    public Uni<AppointmentView> get(@PathParam("id") UUID id) {
        Caller caller = Callers.of(identity);
        return Appointment.<Appointment>findById(id).map(a -> {
            if (a == null || !(caller.coach() || a.userId.equals(caller.userId()))) {
                throw ProblemType.NOT_FOUND.because("no booking " + id);
            }
            return AppointmentView.of(a, config.coachZone());
        });
    }

    /** What cancelling the booking now would cost (the policy's table), so the page can say so before the client confirms. */
    @GET
    @Path("/{id: [0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}}/cancellation-quote")
    @WithSession
    public Uni<ChangeQuote> cancellationQuote(@PathParam("id") UUID id) {
        return quote(id, ChangePolicy.Change.CANCEL);
    }

    /**
     * Cancels the booking, as its owner (the change policy applies) or as the coach (always a full refund). Answers
     * what it came to; a repeat answers the same and moves no money.
     */
    @PUT
    @Path("/{id: [0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}}/cancel")
    @RateLimited(value = "booking-change", perClient = "20/1m", perAddress = "60/1m")
    public Uni<CancellationView> cancel(@PathParam("id") UUID id, CancelRequest body) {
        return cancellations.cancel(Callers.of(identity), id, body == null ? null : body.reason()).map(CancellationView::of);
    }

    /**
     * Moves the booking to another slot that passes every booking rule. Free 24 hours or more ahead; later, half the
     * session's price is charged to the saved card first (402 if declined: the booking stays as it was; 202 if the
     * charge has not answered within a few seconds).
     */
    @PUT
    @Path("/{id: [0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}}/reschedule")
    @RateLimited(value = "booking-change", perClient = "20/1m", perAddress = "60/1m")
    public Uni<Response> reschedule(@PathParam("id") UUID id, RescheduleRequest body) {
        required(body);
        if (body.newDatetime() == null || body.newDatetime().isBlank()) {
            throw ProblemType.VALIDATION.at("new_datetime", "new_datetime is required");
        }
        Instant start = DateTimes.parse(body.newDatetime(), "new_datetime", config.coachZone());
        Instant backup = body.newBackupDatetime() == null || body.newBackupDatetime().isBlank() ? null
                : DateTimes.parse(body.newBackupDatetime(), "new_backup_datetime", config.coachZone());
        return reschedules.reschedule(Callers.of(identity), id, start, backup).map(outcome -> switch (outcome.state()) {
            case MOVED -> Response.ok(RescheduleView.of(outcome)).build();
            case CHARGING -> Response.accepted(RescheduleView.of(outcome)).location(URI.create("/booking/" + id)).build();
            case DECLINED -> throw BookingProblems.PAYMENT_FAILED.because("the late-change fee could not be charged to your "
                    + "saved card (" + outcome.appointment().moveFailure + "); the booking stays as it was");
            case WITHDRAWN -> throw BookingProblems.SLOT_UNAVAILABLE.at("new_datetime", outcome.appointment().moveFailure);
        });
    }

    /**
     * Changes how the client hears about the booking: {@code {"email": bool, "inapp": bool, "sms": bool}}, a key left
     * out taking its default (email and in-app on, SMS off), as at booking. Its owner or the coach; answers the
     * booking's channels. A change is announced (NotificationPreferencesChanged); choosing the same again is not.
     */
    @PUT
    @Path("/{id: [0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}}/notification-preferences")
    public Uni<NotificationPreferences> chooseNotifications(@PathParam("id") UUID id, Map<String, Object> body) {
        required(body);
        NotificationPreferences chosen = NotificationChoices.read(body, null);
        return notificationChanges.choose(Callers.of(identity), id, chosen).map(Appointment::notifications);
    }

    /** What moving the booking to another slot now would cost. */
    @GET
    @Path("/{id: [0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}}/reschedule-quote")
    @WithSession
    public Uni<ChangeQuote> rescheduleQuote(@PathParam("id") UUID id) {
        return quote(id, ChangePolicy.Change.RESCHEDULE);
    }

    private Uni<ChangeQuote> quote(UUID id, ChangePolicy.Change change) {
        Caller caller = Callers.of(identity);
        Instant now = clock.instant();
        return Appointment.<Appointment>findById(id).chain(a -> {
            if (a == null || !(caller.coach() || a.userId.equals(caller.userId()))) {
                throw ProblemType.NOT_FOUND.because("no booking " + id);
            }
            if (!a.status.isLive()) {
                throw BookingProblems.NOT_CHANGEABLE.because("the booking is " + a.status.name().toLowerCase(java.util.Locale.ROOT));
            }
            Uni<SessionPackage> bundle = a.packageId == null ? Uni.createFrom().nullItem() : SessionPackage.findById(a.packageId);
            return bundle.map(p -> {
                ChangePolicy.Quote quote = ChangePolicy.quote(change, a.bookingType, a.priceMinor,
                                p == null ? 0 : p.priceMinor, p == null ? 0 : p.sessionsTotal, a.scheduledAt, now)
                        .orElseThrow(() -> BookingProblems.NOT_CHANGEABLE.because("the session has already started"));
                return ChangeQuote.of(a.id, change, quote, p == null ? a.currency : p.currency);
            });
        });
    }

    /**
     * The caller's appointments: upcoming (soonest first) and past (latest first), a page of each ({@code limit}, 50,
     * at most 200; the next pages from {@code upcoming_cursor} and {@code past_cursor}, as the answer's
     * {@code next_upcoming_cursor} and {@code next_past_cursor} give them), and packages.
     */
    @GET
    @RateLimited(value = "my-appointments", perClient = "60/1m", perAddress = "300/1m")
    @Path("/my-appointments")
    @WithSession
    public Uni<MyAppointments> mine(@QueryParam("limit") String rawLimit, @QueryParam("upcoming_cursor") String rawUpcoming,
                                    @QueryParam("past_cursor") String rawPast) {
        Caller caller = Callers.of(identity);
        int limit = Cursor.limit(rawLimit, "limit");
        Cursor upcomingAfter = Cursor.decode(rawUpcoming, "upcoming_cursor");
        Cursor pastBefore = Cursor.decode(rawPast, "past_cursor");
        Instant startedBy = clock.instant().minus(java.time.Duration.ofMinutes(config.sessionMinutes()));
        Uni<List<Appointment>> upcoming = rawPast != null && rawUpcoming == null ? Uni.createFrom().item(List.of())
                : Appointment.upcomingOf(caller.userId(), startedBy, upcomingAfter == null ? null : upcomingAfter.at(),
                upcomingAfter == null ? null : upcomingAfter.id(), limit + 1);
        return upcoming.chain(next -> (rawUpcoming != null && rawPast == null ? Uni.createFrom().<List<Appointment>>item(List.of())
                        : Appointment.pastOf(caller.userId(), startedBy, pastBefore == null ? null : pastBefore.at(),
                        pastBefore == null ? null : pastBefore.id(), limit + 1))
                .chain(past -> SessionPackage.ofUser(caller.userId()).map(packages -> new MyAppointments(
                        views(next, limit), views(past, limit), packages.stream().map(PackageView::of).toList(),
                        nextCursor(next, limit), nextCursor(past, limit)))));
    }

    private List<AppointmentView> views(List<Appointment> page, int limit) {
        return page.stream().limit(limit).map(a -> AppointmentView.of(a, config.coachZone())).toList();
    }

    /** The cursor after the page's last row when there is more (the query asked for one row more than the page). */
    private static String nextCursor(List<Appointment> page, int limit) {
        if (page.size() <= limit) {
            return null;
        }
        Appointment last = page.get(limit - 1);
        return new Cursor(last.scheduledAt, last.id).encode();
    }
}
