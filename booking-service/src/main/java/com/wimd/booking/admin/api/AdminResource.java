package com.wimd.booking.admin.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.wimd.booking.admin.persistence.MonthTotals;
import com.wimd.booking.appointments.api.AppointmentView;
import com.wimd.booking.appointments.api.CancelRequest;
import com.wimd.booking.appointments.api.CancellationView;
import com.wimd.booking.appointments.api.Callers;
import com.wimd.booking.appointments.domain.AppointmentStatus;
import com.wimd.booking.appointments.persistence.Appointment;
import com.wimd.booking.appointments.service.Cancellations;
import com.wimd.booking.appointments.service.SessionOutcomes;
import com.wimd.booking.config.BookingConfig;
import com.wimd.booking.packages.domain.PackageStatus;
import com.wimd.booking.packages.persistence.SessionPackage;
import com.wimd.booking.promo.persistence.PromoCode;
import com.wimd.booking.timeline.persistence.TimelineEntry;
import com.wimd.events.EventType;
import com.wimd.events.Money;
import com.wimd.events.PaymentTotalsChanged;
import com.wimd.support.problem.ProblemType;
import io.quarkus.security.identity.SecurityIdentity;
import com.wimd.support.reconciliation.Reconciliation;
import com.wimd.support.reconciliation.ServiceReport;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.UUID;

/** The coach's view of the book. */
@Path("/booking/admin")
@RolesAllowed(Callers.COACH_ROLE)
@Produces(MediaType.APPLICATION_JSON)
public class AdminResource {

    static final String ID = "{id: [0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}}";

    private final BookingConfig config;
    private final Clock clock;
    private final Reconciliation reconciliation;
    private final Cancellations cancellations;
    private final SessionOutcomes outcomes;
    private final SecurityIdentity identity;
    private final ObjectMapper json;

    public AdminResource(BookingConfig config, Clock clock, Reconciliation reconciliation, Cancellations cancellations,
                         SessionOutcomes outcomes, SecurityIdentity identity, ObjectMapper json) {
        this.config = config;
        this.clock = clock;
        this.reconciliation = reconciliation;
        this.cancellations = cancellations;
        this.outcomes = outcomes;
        this.identity = identity;
        this.json = json;
    }

    /**
     * booking-service's part of the reconciliation report (the same as {@code /admin/reconciliation}), reachable
     * through the ingress; the {@code reconcile} command puts it together with the other services' parts.
     */
    @GET
    @Path("/reconciliation")
    @io.smallrye.common.annotation.Blocking
    public ServiceReport reconciliation() {
        return reconciliation.report();
    }

    /** One page of the coach's bookings, newest first. */
    public record Page(List<AppointmentView> appointments, long total, int page, int size) {
    }

    /**
     * The bookings, most recently made first, filtered by {@code status}, by the session's date (coach-zone dates
     * {@code start_date} to {@code end_date}, both included) and by {@code q} (part of the client's name, email or
     * phone); {@code page} from 0, {@code size} 1 to 100 (default 20).
     */
    @GET
    @Path("/appointments")
    @WithSession
    public Uni<Page> appointments(@QueryParam("status") String status, @QueryParam("start_date") String startDate,
                                  @QueryParam("end_date") String endDate, @QueryParam("q") String q,
                                  @QueryParam("page") String page, @QueryParam("size") String size) {
        AdminQueries.Filter filter = AdminQueries.filter(status, startDate, endDate, q, page, size, config.coachZone());
        return Appointment.count(filter.where(), filter.parameters()).chain(total -> Appointment.<Appointment>find(
                        filter.where() + " order by createdAt desc, id", filter.parameters())
                .page(filter.page(), filter.size()).list()
                .map(rows -> new Page(rows.stream().map(a -> AppointmentView.of(a, config.coachZone())).toList(), total,
                        filter.page(), filter.size())));
    }

    /** Who booked, and where its payment and its calendar event stand. */
    public record Detail(AppointmentView booking, ClientView client, PaymentState payment, CalendarState calendar) {
    }

    public record ClientView(String userId, String name, String email, String phone) {
    }

    /**
     * @param last the latest thing payment-service said about this booking (its timeline's last payment step)
     */
    public record PaymentState(String step, String paymentIntentId, Money price, Money refunded, String feeStatus, String last) {
    }

    /**
     * @param last the latest thing calendar-service said about this booking
     */
    public record CalendarState(String step, String eventId, String last) {
    }

    @GET
    @Path("/appointments/" + ID)
    @WithSession
    public Uni<Detail> appointment(@PathParam("id") UUID id) {
        return Appointment.<Appointment>findById(id).chain(a -> {
            if (a == null) {
                throw ProblemType.NOT_FOUND.because("no booking " + id);
            }
            return TimelineEntry.of(id).map(steps -> new Detail(AppointmentView.of(a, config.coachZone()),
                    new ClientView(a.userId, a.clientName, a.clientEmail, a.userPhone),
                    new PaymentState(a.paymentStep.name(), a.paymentIntentId, a.price(), new Money(a.refundedMinor, a.currency),
                            a.feeStatus, last(steps, EventType.Producer.PAYMENT)),
                    new CalendarState(a.calendarStep.name(), a.calendarEventId, last(steps, EventType.Producer.CALENDAR))));
        });
    }

    private static String last(List<TimelineEntry> steps, EventType.Producer producer) {
        String said = null;
        for (TimelineEntry step : steps) {
            if (step.service.equals(producer.service())) {
                said = step.summary;
            }
        }
        return said;
    }

    public record StatusRequest(String status) {
    }

    /** Records how the session went ({@code completed} or {@code no_show}), once it has started. */
    @PUT
    @Path("/appointments/" + ID + "/status")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<AppointmentView> status(@PathParam("id") UUID id, StatusRequest body) {
        AppointmentStatus outcome = SessionOutcomes.outcome(body == null ? null : body.status());
        return outcomes.record(id, outcome).map(a -> AppointmentView.of(a, config.coachZone()));
    }

    /** The coach cancels a booking: always in the client's favour (a full refund, the credit or promo use back). */
    @PUT
    @Path("/appointments/" + ID + "/cancel")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<CancellationView> cancel(@PathParam("id") UUID id, CancelRequest body) {
        return cancellations.cancel(Callers.of(identity), id, body == null ? null : body.reason()).map(CancellationView::of);
    }

    /** The week at a glance: sessions ahead, sagas under way, codes, and this month's money. */
    public record Overview(Week week, long pendingBookings, long pendingPackages, List<PromoUses> promoCodes, MonthMoney money) {
    }

    /** This week (Monday to Sunday in the coach's zone): the confirmed sessions still ahead. */
    public record Week(LocalDate start, LocalDate end, List<AppointmentView> upcoming) {
    }

    public record PromoUses(String code, int maxUses, int usesRemaining, boolean active, Instant expiresAt) {
    }

    /**
     * This month's money per currency, as payment-service's admin view counts it (its last PaymentTotalsChanged);
     * {@code asOf} null when it has published nothing for the month yet.
     */
    public record MonthMoney(String month, Instant asOf, List<PaymentTotalsChanged.CurrencyTotals> totals) {
    }

    @GET
    @Path("/overview")
    @WithSession
    public Uni<Overview> overview() {
        Instant now = clock.instant();
        ZoneId zone = config.coachZone();
        LocalDate today = now.atZone(zone).toLocalDate();
        LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate sunday = monday.plusDays(6);
        Instant weekEnd = sunday.plusDays(1).atStartOfDay(zone).toInstant();
        String month = YearMonth.from(today).toString();
        return Appointment.<Appointment>list("status = ?1 and scheduledAt >= ?2 and scheduledAt < ?3 order by scheduledAt",
                        AppointmentStatus.CONFIRMED, now.minusSeconds(60L * config.sessionMinutes()), weekEnd)
                .chain(upcoming -> Appointment.count("status", AppointmentStatus.PENDING)
                        .chain(pendingBookings -> SessionPackage.count("status", PackageStatus.PENDING_PAYMENT)
                                .chain(pendingPackages -> PromoCode.<PromoCode>list("order by code")
                                        .chain(codes -> MonthTotals.<MonthTotals>findById(month).map(money -> new Overview(
                                                new Week(monday, sunday, upcoming.stream()
                                                        .map(a -> AppointmentView.of(a, zone)).toList()),
                                                pendingBookings, pendingPackages,
                                                codes.stream().map(c -> new PromoUses(c.code, c.maxUses, c.usesRemaining,
                                                        c.active, c.expiresAt)).toList(),
                                                money == null ? new MonthMoney(month, null, List.of())
                                                        : new MonthMoney(month, money.asOf, decode(money.totals))))))));
    }

    private List<PaymentTotalsChanged.CurrencyTotals> decode(String totals) {
        try {
            return json.readValue(totals, new TypeReference<>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable totals", e);
        }
    }
}
