package com.wimd.booking.appointments.service;

import com.wimd.booking.appointments.api.BookingProblems;
import com.wimd.booking.appointments.domain.BookingSaga;
import com.wimd.booking.appointments.domain.NoticePolicy;
import com.wimd.booking.appointments.domain.PhoneNumbers;
import com.wimd.booking.appointments.persistence.Appointment;
import com.wimd.booking.availability.service.AvailabilityCache;
import com.wimd.booking.config.BookingConfig;
import com.wimd.booking.packages.domain.PackageStatus;
import com.wimd.booking.packages.persistence.SessionPackage;
import com.wimd.booking.promo.persistence.PromoCode;
import com.wimd.events.BookingRequested;
import com.wimd.events.BookingType;
import com.wimd.events.EventEnvelope;
import com.wimd.events.Money;
import com.wimd.events.NotificationPreferences;
import com.wimd.support.outbox.Outbox;
import com.wimd.support.problem.ProblemType;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Books a session: validates, then in one transaction holds the slot, takes what pays for it (a promo use,
 * a package credit; a card payment is verified later by payment-service), stores the appointment as PENDING
 * and puts BookingRequested in the outbox.
 */
@ApplicationScoped
public class BookingService {

    /** Free sessions are priced in the coach's home currency, at zero. */
    static final String FREE_CURRENCY = "CAD";

    private final BookingConfig config;
    private final SlotChecks slotChecks;
    private final AvailabilityCache availability;
    private final Clock clock;
    private final Outbox outbox;

    public BookingService(BookingConfig config, SlotChecks slotChecks, AvailabilityCache availability, Clock clock, Outbox outbox) {
        this.config = config;
        this.slotChecks = slotChecks;
        this.availability = availability;
        this.clock = clock;
        this.outbox = outbox;
    }

    /**
     * What every booking request names, already read from the wire: the slot, the phone to call, and how the client
     * wants to hear about it (their zone, null if the page did not say; their channels, null for the defaults).
     */
    public record SlotRequest(Instant start, Instant backup, String rawPhone, String clientZone,
                              NotificationPreferences notifications) {
    }

    public Uni<Appointment> bookFree(Caller caller, SlotRequest request, String rawPromoCode) {
        String code = PromoCode.normalise(rawPromoCode);
        if (code == null || code.isEmpty()) {
            throw ProblemType.VALIDATION.at("promo_code", "promo_code is required");
        }
        if (!PromoCode.looksLikeACode(code)) {
            throw BookingProblems.PROMO_INVALID.at("promo_code", "that is not a promo code");
        }
        return hold(caller, request, BookingType.FREE, NoticePolicy.noticeFor(BookingType.FREE, config.freeNotice()),
                () -> PromoCode.<PromoCode>findById(code)
                        .invoke(promo -> {
                            if (promo == null || !promo.usable(clock.instant())) {
                                throw BookingProblems.PROMO_INVALID.at("promo_code", "no active promo code " + code);
                            }
                        })
                        .chain(() -> PromoCode.takeOneUse(code, clock.instant()))
                        .invoke(taken -> {
                            if (!taken) {
                                throw BookingProblems.PROMO_EXHAUSTED.at("promo_code", code + " has no uses left");
                            }
                        }).replaceWithVoid(),
                a -> {
                    a.promoCode = code;
                    a.currency = FREE_CURRENCY;
                });
    }

    /**
     * Holds the slot for a session paid by card; payment-service then verifies the PaymentIntent. The price is
     * recorded when it is verified (PaymentSucceeded carries it).
     */
    public Uni<Appointment> bookPaidSingle(Caller caller, SlotRequest request, String rawCurrency, String intentId) {
        String currency = currency(rawCurrency);
        String intent = paymentIntentId(intentId);
        return hold(caller, request, BookingType.PAID_SINGLE, NoticePolicy.noticeFor(BookingType.PAID_SINGLE, config.freeNotice()),
                () -> Uni.createFrom().voidItem(),
                a -> {
                    a.currency = currency;
                    a.paymentIntentId = intent;
                });
    }

    /** Books one session of a paid package, taking one of its credits. */
    public Uni<Appointment> bookFromPackage(Caller caller, SlotRequest request, UUID packageId) {
        if (packageId == null) {
            throw ProblemType.VALIDATION.at("package_id", "package_id is required");
        }
        return hold(caller, request, BookingType.PACKAGE, NoticePolicy.noticeFor(BookingType.PACKAGE, config.freeNotice()),
                () -> SessionPackage.takeCredit(packageId, caller.userId()).chain(taken -> taken
                        ? Uni.createFrom().voidItem()
                        : SessionPackage.<SessionPackage>findById(packageId).invoke(p -> {
                            throw whyNoCredit(p, caller, packageId);
                        }).replaceWithVoid()),
                a -> {
                    a.packageId = packageId;
                    a.currency = FREE_CURRENCY;
                });
    }

    private static RuntimeException whyNoCredit(SessionPackage p, Caller caller, UUID packageId) {
        if (p == null || !p.userId.equals(caller.userId())) {
            return ProblemType.NOT_FOUND.at("package_id", "no package " + packageId);
        }
        if (p.status != PackageStatus.ACTIVE) {
            return BookingProblems.PACKAGE_NOT_ACTIVE.at("package_id", "the package is " + p.status);
        }
        return BookingProblems.PACKAGE_EXHAUSTED.at("package_id", "all " + p.sessionsTotal + " sessions are booked");
    }

    /** Stripe's ids are at most this long. */
    static final int MAX_STRIPE_ID_LENGTH = 255;

    /** The id of the Stripe PaymentIntent the client paid with. */
    public static String paymentIntentId(String raw) {
        String id = raw == null ? "" : raw.trim();
        if (id.length() > MAX_STRIPE_ID_LENGTH || !id.matches("pi_[A-Za-z0-9_]+")) {
            throw ProblemType.VALIDATION.at("stripe_payment_intent_id",
                    "stripe_payment_intent_id must be the id of a Stripe PaymentIntent (pi_...)");
        }
        return id;
    }

    /** The currency the client chose, if the coach takes it. */
    public String currency(String raw) {
        String currency = raw == null ? null : raw.trim().toUpperCase(Locale.ROOT);
        if (currency == null || !config.currencies().contains(currency)) {
            throw ProblemType.VALIDATION.at("currency", "currency must be one of " + config.currencies());
        }
        return currency;
    }

    private Uni<Appointment> hold(Caller caller, SlotRequest request, BookingType type, Duration notice,
                                  Supplier<Uni<Void>> takePayment, Consumer<Appointment> fill) {
        Instant now = clock.instant();
        if (request.backup() != null && request.backup().equals(request.start())) {
            throw BookingProblems.INVALID_SLOT.at("backup_datetime", "backup_datetime must differ from scheduled_datetime");
        }
        String phone = PhoneNumbers.toE164(request.rawPhone(), config.defaultPhoneRegion())
                .orElseThrow(() -> BookingProblems.INVALID_PHONE.at("user_phone",
                        "user_phone must be a valid phone number, e.g. +1 416 555 0199"));
        Map<String, Instant> slots = new LinkedHashMap<>();
        slots.put("scheduled_datetime", request.start());
        slots.put("backup_datetime", request.backup());

        return Panache.withTransaction(() -> failIfTooManyPending(caller)
                        .chain(() -> slotChecks.check(slots, notice, now))
                        .chain(() -> SlotChecks.claim(request.start(), "scheduled_datetime"))
                        .chain(() -> request.backup() == null ? Uni.createFrom().voidItem()
                                : SlotChecks.failIfTaken(request.backup(), "backup_datetime"))
                        .chain(() -> takePayment.get())
                        .chain(() -> {
                            Appointment appointment = newAppointment(caller, request, type, phone, now);
                            fill.accept(appointment);
                            return appointment.<Appointment>persistAndFlush();
                        })
                        .call(appointment -> outbox.add(EventEnvelope.first(requested(appointment), now))))
                .invoke(availability::invalidate) // committed: this instance's next answer shows the slot taken
                .onFailure(UniqueIndexes::isSlotConflict).transform(e -> BookingProblems.SLOT_UNAVAILABLE
                        .at("scheduled_datetime", "that slot was just taken; please pick another"))
                .onFailure(UniqueIndexes::isIntentConflict).transform(e -> BookingProblems.PAYMENT_INTENT_USED
                        .at("stripe_payment_intent_id", "that payment already pays for another booking"));
    }

    /**
     * A client may hold at most {@code booking.max-pending-per-client} bookings at once. The client's requests
     * queue on a transaction-scoped advisory lock of their own, so concurrent requests are counted one after the
     * other and never get more holds than the limit.
     */
    private Uni<Void> failIfTooManyPending(Caller caller) {
        return AdvisoryLocks.lock("pending-holds:" + caller.userId())
                .chain(() -> Appointment.countPendingOf(caller.userId()))
                .invoke(pending -> {
                    if (pending >= config.maxPendingPerClient()) {
                        throw BookingProblems.TOO_MANY_PENDING.because("you already have " + pending
                                + " bookings waiting to be confirmed; wait for them, then book again");
                    }
                })
                .replaceWithVoid();
    }

    private Appointment newAppointment(Caller caller, SlotRequest request, BookingType type, String phone, Instant now) {
        Appointment a = new Appointment();
        a.id = UUID.randomUUID();
        a.userId = caller.userId();
        a.clientName = caller.name();
        a.clientEmail = caller.email();
        a.userPhone = phone;
        a.clientZone = request.clientZone();
        if (request.notifications() != null) {
            a.choose(request.notifications());
        }
        a.scheduledAt = request.start();
        a.backupAt = request.backup();
        a.durationMinutes = config.sessionMinutes();
        a.bookingType = type;
        a.priceMinor = 0;
        a.createdAt = now;
        a.moveTo(BookingSaga.start(type), now);
        return a;
    }

    static BookingRequested requested(Appointment a) {
        return new BookingRequested(a.id, a.client(), a.bookingType, a.scheduledAt, a.endsAt(), a.backupAt,
                a.promoCode, new Money(a.priceMinor, a.currency), a.paymentIntentId, a.packageId);
    }
}
