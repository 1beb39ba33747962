package com.wimd.booking.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.ZoneId;

@ConfigMapping(prefix = "booking")
public interface BookingConfig {

    /** The coach's zone: business hours and blocked dates are read in it. */
    @WithDefault("America/Toronto")
    ZoneId coachZone();

    /** The region assumed for phone numbers written without a country code. */
    @WithDefault("CA")
    String defaultPhoneRegion();

    /** Length of one session. */
    @WithDefault("30")
    int sessionMinutes();

    /** The currencies clients may pay in. */
    @WithDefault("USD,CAD")
    java.util.Set<String> currencies();

    /** How long ahead a free session must be booked (paid and package sessions: 24 hours). */
    @WithDefault("PT2H")
    java.time.Duration freeNotice();

    /** How far ahead a session may be booked: up to the coach's today plus this many days. */
    @WithDefault("90")
    int horizonDays();

    /** How many bookings one client may have waiting (PENDING) at once; one more is refused with 429. */
    @WithDefault("3")
    int maxPendingPerClient();

    /** How many package purchases one client may have waiting for their payment at once; one more is refused with 429. */
    @WithDefault("2")
    int maxUnpaidPackagesPerClient();

    /** Sessions in a package. */
    @WithDefault("3")
    int packageSessions();

    /** How long a paid booking holds its slot while waiting for its payment. */
    @WithDefault("PT15M")
    java.time.Duration paymentHold();

    /** How long the calendar step may take once it has begun (long enough to ride out a broker outage). */
    @WithDefault("PT1H")
    java.time.Duration calendarStepLimit();

    /** How long a booking already in the calendar waits for the report of its (verified) payment. */
    @WithDefault("PT30M")
    java.time.Duration paymentReportLimit();

    /** How long a package purchase waits for its payment's verification before it fails (and is refunded if paid). */
    @WithDefault("PT30M")
    java.time.Duration packagePaymentLimit();

    /** How often the reaper looks for bookings and packages past a step's deadline. */
    @WithDefault("PT30S")
    java.time.Duration deadlineCheck();

    /**
     * After this service could not hear the others (broker or database down), how long the reaper waits before it
     * fails anything: the reports delayed by the outage come in first.
     */
    @WithDefault("PT2M")
    java.time.Duration deadlineGraceAfterOutage();

    default com.wimd.booking.appointments.domain.StepDeadlines stepDeadlines() {
        return new com.wimd.booking.appointments.domain.StepDeadlines(paymentHold(), calendarStepLimit(), paymentReportLimit());
    }

    /** How long a package purchase request waits for the payment's verification before answering 202. */
    @WithDefault("PT10S")
    java.time.Duration packagePurchaseWait();

    /** How many times a client may reschedule one booking; one more is refused with 409. The coach's moves do not count. */
    @WithDefault("2")
    int maxReschedules();

    /** How long a late reschedule's request waits for its fee to be charged before answering 202. */
    @WithDefault("PT10S")
    java.time.Duration rescheduleFeeWait();

    /**
     * Busy times last read from the coach's calendar longer ago than this are shown as possibly stale
     * ({@code busy_times_stale}); they are still used. calendar-service reads every 5 minutes.
     */
    @WithDefault("PT15M")
    java.time.Duration busyTimesStaleAfter();

    /**
     * The OIDC client the web pages sign in with (a public client with PKCE); the services' own client id is
     * {@code quarkus.oidc.client-id}.
     */
    @WithDefault("booking-api")
    String webClientId();

    /**
     * Whether texts are sent at all (notification-service's switch, {@code TWILIO_SMS_ENABLED}): the booking page
     * shows SMS as "coming soon" while it is off.
     */
    @WithDefault("false")
    boolean smsEnabled();
}
