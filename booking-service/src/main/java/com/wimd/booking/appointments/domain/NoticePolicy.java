package com.wimd.booking.appointments.domain;

import java.time.Duration;
import java.time.Instant;

/** Paid sessions are booked at least this long ahead, so the coach can prepare. */
public final class NoticePolicy {

    public static final Duration PAID_NOTICE = Duration.ofHours(24);

    private NoticePolicy() {
    }

    /** How long ahead a session of this type must be booked: paid and package sessions 24 hours, free ones {@code freeNotice}. */
    public static Duration noticeFor(com.wimd.events.BookingType type, Duration freeNotice) {
        return type == com.wimd.events.BookingType.FREE ? freeNotice : PAID_NOTICE;
    }

    public static boolean hasEnoughNotice(Instant start, Instant now, Duration notice) {
        return !start.isBefore(now.plus(notice));
    }
}
