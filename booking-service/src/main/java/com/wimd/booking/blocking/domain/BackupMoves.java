package com.wimd.booking.blocking.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * What happens to each booking on a date the coach blocks: it moves to its backup slot if that slot is still valid
 * and free, otherwise it is cancelled in the client's favour. When several name the same backup, the earliest
 * booking (by when it was made) gets it. Pure: validity and the slots already taken are passed in.
 */
public final class BackupMoves {

    private BackupMoves() {
    }

    /** A live booking on a blocked date. */
    public record Affected(UUID bookingId, Instant bookedAt, Instant start, Instant backup) {
    }

    public enum Outcome { MOVE, CANCEL }

    /** @param to the backup it moves to (MOVE), or null; {@code why} says why not, for a CANCEL */
    public record Decision(UUID bookingId, Outcome outcome, Instant to, String why) {
    }

    /**
     * @param valid whether a start passes the slot rules now (the coach's hours, not blocked, including the dates being
     *              blocked, clear of the coach's busy times, in the future)
     * @param taken the starts held by other live bookings, or being moved to
     */
    public static List<Decision> decide(List<Affected> affected, Predicate<Instant> valid, Set<Instant> taken) {
        Set<Instant> claimed = new HashSet<>(taken);
        List<Decision> decisions = new ArrayList<>();
        affected.stream().sorted(Comparator.comparing(Affected::bookedAt).thenComparing(Affected::bookingId)).forEach(a -> {
            if (a.backup() == null) {
                decisions.add(new Decision(a.bookingId(), Outcome.CANCEL, null, "no backup slot was named"));
            } else if (!valid.test(a.backup())) {
                decisions.add(new Decision(a.bookingId(), Outcome.CANCEL, null, "the backup slot cannot be booked any more"));
            } else if (!claimed.add(a.backup())) {
                decisions.add(new Decision(a.bookingId(), Outcome.CANCEL, null, "the backup slot is taken"));
            } else {
                decisions.add(new Decision(a.bookingId(), Outcome.MOVE, a.backup(), null));
            }
        });
        return decisions;
    }
}
