package com.wimd.booking.packages.api;

import com.wimd.booking.packages.persistence.SessionPackage;
import com.wimd.events.Money;

import java.time.Instant;
import java.util.UUID;

/** A package as its owner sees it. */
public record PackageView(UUID packageId, String status, int sessionsTotal, int sessionsRemaining, Money price,
                          String failureReason, Instant createdAt) {

    public static PackageView of(SessionPackage p) {
        return new PackageView(p.id, p.status.name(), p.sessionsTotal, p.sessionsRemaining,
                new Money(p.priceMinor, p.currency), p.failureReason, p.createdAt);
    }
}
