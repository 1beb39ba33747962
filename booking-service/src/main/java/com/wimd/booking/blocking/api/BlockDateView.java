package com.wimd.booking.blocking.api;

import com.wimd.booking.blocking.domain.BackupMoves;
import com.wimd.booking.blocking.service.DateBlocks;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What blocking came to (or, for a preview, would come to): the dates newly blocked and those blocked before, how many
 * clients were told, and each booking on the dates: {@code moved} to its backup or {@code cancelled} (with why).
 * {@code pending} bookings are still mid-saga; they are settled the same way once it ends.
 */
public record BlockDateView(List<LocalDate> blocked, List<LocalDate> alreadyBlocked, int usersNotified, int moved, int cancelled,
                            List<UUID> pending, List<Booking> bookings) {

    public record Booking(UUID bookingId, String clientName, String clientEmail, Instant from, String outcome, Instant to, String why) {
    }

    static BlockDateView of(DateBlocks.Result result, boolean applied) {
        List<Booking> bookings = result.bookings().stream().map(s -> new Booking(s.bookingId(), s.clientName(), s.clientEmail(),
                s.from(), s.outcome() == BackupMoves.Outcome.MOVE ? "moved" : "cancelled", s.to(), s.why())).toList();
        int moved = (int) bookings.stream().filter(b -> b.outcome().equals("moved")).count();
        return new BlockDateView(result.blocked(), result.alreadyBlocked(), applied ? bookings.size() : 0, moved,
                bookings.size() - moved, result.pending(), bookings);
    }
}
