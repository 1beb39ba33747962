package com.wimd.booking.appointments.domain;

import java.time.Duration;
import java.time.Instant;

/** Paid sessions are booked at least this long ahead, so the coach can prepare. */
public final class NoticePolicy {

    public static final Duration PAID_NOTICE = Duration.ofHours(24);

    private NoticePolicy() {
    }

    public static boolean hasEnoughNotice(Instant start, Instant now, Duration notice) {
        return !start.isBefore(now.plus(notice));
    }
}
