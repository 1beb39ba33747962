package com.wimd.booking.blocking.domain;

import com.wimd.booking.blocking.domain.BackupMoves.Affected;
import com.wimd.booking.blocking.domain.BackupMoves.Decision;
import com.wimd.booking.blocking.domain.BackupMoves.Outcome;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class BackupMovesTest {

    static final Instant MONDAY_10 = Instant.parse("2027-01-11T15:00:00Z");
    static final Instant TUESDAY_10 = Instant.parse("2027-01-12T15:00:00Z");
    static final Instant TUESDAY_11 = Instant.parse("2027-01-12T16:00:00Z");

    static Affected booking(String bookedAt, Instant start, Instant backup) {
        return new Affected(UUID.randomUUID(), Instant.parse(bookedAt), start, backup);
    }

    @Test
    void a_booking_whose_backup_is_valid_and_free_moves_to_it() {
        Affected a = booking("2026-12-01T10:00:00Z", MONDAY_10, TUESDAY_10);
        assertThat(BackupMoves.decide(List.of(a), t -> true, Set.of()))
                .containsExactly(new Decision(a.bookingId(), Outcome.MOVE, TUESDAY_10, null));
    }

    @Test
    void without_a_backup_or_with_one_no_longer_valid_or_taken_the_booking_is_cancelled() {
        Affected none = booking("2026-12-01T10:00:00Z", MONDAY_10, null);
        Affected invalid = booking("2026-12-01T10:01:00Z", MONDAY_10.plusSeconds(1800), TUESDAY_11);
        Affected taken = booking("2026-12-01T10:02:00Z", MONDAY_10.plusSeconds(3600), TUESDAY_10);
        List<Decision> decisions = BackupMoves.decide(List.of(none, invalid, taken), t -> !t.equals(TUESDAY_11), Set.of(TUESDAY_10));
        assertThat(decisions).extracting(Decision::outcome).containsOnly(Outcome.CANCEL);
        assertThat(decisions).extracting(Decision::why).containsExactly("no backup slot was named",
                "the backup slot cannot be booked any more", "the backup slot is taken");
    }

    @Test
    void when_two_bookings_name_one_backup_the_earlier_booking_gets_it_and_the_other_is_cancelled() {
        Affected later = booking("2026-12-02T09:00:00Z", MONDAY_10, TUESDAY_10);
        Affected earlier = booking("2026-12-01T09:00:00Z", MONDAY_10.plusSeconds(1800), TUESDAY_10);
        List<Decision> decisions = BackupMoves.decide(List.of(later, earlier), t -> true, Set.of());
        assertThat(decisions).containsExactly(
                new Decision(earlier.bookingId(), Outcome.MOVE, TUESDAY_10, null),
                new Decision(later.bookingId(), Outcome.CANCEL, null, "the backup slot is taken"));
    }
}
