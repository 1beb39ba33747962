package com.wimd.booking.appointments.service;

import com.wimd.booking.appointments.api.BookingProblems;
import com.wimd.booking.appointments.domain.BookingSaga;
import com.wimd.booking.appointments.domain.PhoneNumbers;
import com.wimd.booking.appointments.persistence.Appointment;
import com.wimd.booking.availability.domain.SlotPolicy;
import com.wimd.booking.availability.domain.WeeklyHours;
import com.wimd.booking.availability.persistence.BlockedDate;
import com.wimd.booking.availability.persistence.CoachAvailability;
import com.wimd.booking.config.BookingConfig;
import com.wimd.booking.promo.persistence.PromoCode;
import com.wimd.events.BookingRequested;
import com.wimd.events.BookingType;
import com.wimd.events.EventEnvelope;
import com.wimd.events.Money;
import com.wimd.support.outbox.Outbox;
import com.wimd.support.problem.ProblemType;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/**
 * Books a free session paid with a promo code: validates, then in one transaction holds the slot, takes
 * one promo use, stores the appointment as PENDING and puts BookingRequested in the outbox.
 */
@ApplicationScoped
public class FreeBookingService {

    /** Free sessions are priced in the coach's home currency, at zero. */
    static final String FREE_CURRENCY = "CAD";

    private final BookingConfig config;
    private final Clock clock;
    private final Outbox outbox;

    public FreeBookingService(BookingConfig config, Clock clock, Outbox outbox) {
        this.config = config;
        this.clock = clock;
        this.outbox = outbox;
    }

    /** A booking request, already read from the wire. */
    public record Request(Instant start, Instant backup, String rawPhone, String promoCode) {
    }

    public Uni<Appointment> book(Caller caller, Request request) {
        Instant now = clock.instant();
        if (request.backup() != null && request.backup().equals(request.start())) {
            throw BookingProblems.INVALID_SLOT.at("backup_datetime", "backup_datetime must differ from scheduled_datetime");
        }
        String phone = PhoneNumbers.toE164(request.rawPhone(), config.defaultPhoneRegion())
                .orElseThrow(() -> BookingProblems.INVALID_PHONE.at("user_phone",
                        "user_phone must be a valid phone number, e.g. +1 416 555 0199"));
        String code = PromoCode.normalise(request.promoCode());
        if (code == null || code.isEmpty()) {
            throw ProblemType.VALIDATION.at("promo_code", "promo_code is required");
        }
        ZoneId zone = config.coachZone();
        Duration length = Duration.ofMinutes(config.sessionMinutes());
        Set<LocalDate> dates = new HashSet<>();
        dates.add(SlotPolicy.coachDate(request.start(), zone));
        if (request.backup() != null) {
            dates.add(SlotPolicy.coachDate(request.backup(), zone));
        }

        return Panache.withTransaction(() -> CoachAvailability.weeklyHours()
                        .chain(hours -> BlockedDate.amongst(dates).invoke(blocked -> {
                            checkSlot(request.start(), "scheduled_datetime", length, hours, blocked, now);
                            if (request.backup() != null) {
                                checkSlot(request.backup(), "backup_datetime", length, hours, blocked, now);
                            }
                        }))
                        .chain(() -> failIfTaken(request.start(), "scheduled_datetime"))
                        .chain(() -> request.backup() == null ? Uni.createFrom().voidItem()
                                : failIfTaken(request.backup(), "backup_datetime"))
                        .chain(() -> PromoCode.<PromoCode>findById(code))
                        .invoke(promo -> {
                            if (promo == null || !promo.active) {
                                throw BookingProblems.PROMO_INVALID.at("promo_code", "no active promo code " + code);
                            }
                        })
                        .chain(() -> PromoCode.takeOneUse(code))
                        .invoke(taken -> {
                            if (!taken) {
                                throw BookingProblems.PROMO_EXHAUSTED.at("promo_code", code + " has no uses left");
                            }
                        })
                        .chain(() -> {
                            Appointment appointment = newAppointment(caller, request, phone, code, now);
                            return appointment.<Appointment>persistAndFlush();
                        })
                        .call(appointment -> outbox.add(EventEnvelope.first(requested(appointment), now))))
                .onFailure(SlotConflicts::isSlotConflict).transform(e -> BookingProblems.SLOT_UNAVAILABLE
                        .at("scheduled_datetime", "that slot was just taken; please pick another"));
    }

    private void checkSlot(Instant start, String field, Duration length, WeeklyHours hours, Set<LocalDate> blocked,
                           Instant now) {
        SlotPolicy.check(start, length, hours, blocked, config.coachZone(), now).ifPresent(problem -> {
            throw switch (problem) {
                case DATE_BLOCKED -> BookingProblems.SLOT_UNAVAILABLE.at(field, field + " " + problem.explanation());
                default -> BookingProblems.INVALID_SLOT.at(field, field + " " + problem.explanation());
            };
        });
    }

    private static Uni<Void> failIfTaken(Instant start, String field) {
        return Appointment.isSlotTaken(start).invoke(taken -> {
            if (taken) {
                throw BookingProblems.SLOT_UNAVAILABLE.at(field, field + " is already booked");
            }
        }).replaceWithVoid();
    }

    private Appointment newAppointment(Caller caller, Request request, String phone, String code, Instant now) {
        Appointment a = new Appointment();
        a.id = UUID.randomUUID();
        a.userId = caller.userId();
        a.clientName = caller.name();
        a.clientEmail = caller.email();
        a.userPhone = phone;
        a.scheduledAt = request.start();
        a.backupAt = request.backup();
        a.durationMinutes = config.sessionMinutes();
        a.bookingType = BookingType.FREE;
        a.promoCode = code;
        a.priceMinor = 0;
        a.currency = FREE_CURRENCY;
        a.createdAt = now;
        a.moveTo(BookingSaga.start(BookingType.FREE), now);
        return a;
    }

    static BookingRequested requested(Appointment a) {
        return new BookingRequested(a.id, a.client(), a.bookingType, a.scheduledAt, a.endsAt(), a.backupAt,
                a.promoCode, new Money(a.priceMinor, a.currency), a.paymentIntentId, a.packageId);
    }
}
