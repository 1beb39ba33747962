package com.wimd.payment.verification.domain;

/**
 * The payment step of one booking (or package purchase) as a state machine: what each input does to it and
 * what the service must then do. Inputs may come in any order (separate topics, webhooks racing the saga);
 * the end state for the money is the same: a payment for a booking that failed is always given back, and a
 * booking is told of its payment at most once.
 */
public final class PaymentStep {

    private PaymentStep() {
    }

    public enum Status {
        /** Only a BookingFailed is known so far (it overtook the request). */
        NOT_REQUESTED,
        /** Requested, but the gateway could not be asked yet; the housekeeping loop retries. */
        UNVERIFIED,
        /** Verified and bound to its intent; the client has not finished paying. */
        WAITING,
        /** PaymentSucceeded announced. */
        SUCCEEDED,
        /** PaymentFailed announced (or would have been, had the booking not failed already). */
        FAILED,
        /** The money is being given back. */
        REFUNDING,
        REFUNDED
    }

    /** @param abandoned the booking failed (BookingFailed): never announce success, give back whatever was paid */
    public record State(Status status, boolean abandoned) {
        public static final State NEW = new State(Status.NOT_REQUESTED, false);
    }

    public sealed interface Input {
    }

    /** The intent passed verification; {@code paid}: it has already succeeded. */
    public record Verified(boolean paid) implements Input {
    }

    /** The intent failed verification (not this user's, wrong amount, used elsewhere, declined, canceled...). */
    public record Rejected(String reason) implements Input {
    }

    /** The gateway could not be reached to verify the intent. */
    public record Unverifiable(String reason) implements Input {
    }

    /** payment_intent.succeeded for the bound intent. */
    public record IntentSucceeded() implements Input {
    }

    /** payment_intent.payment_failed (or canceled) for the bound intent. */
    public record IntentFailed(String reason) implements Input {
    }

    /** BookingFailed: the saga was compensated. */
    public record BookingAbandoned(String reason) implements Input {
    }

    public sealed interface Action {
    }

    public record NoAction() implements Action {
    }

    public record AnnounceSuccess() implements Action {
    }

    public record AnnounceFailure(String reason) implements Action {
    }

    public record GiveBack(String reason) implements Action {
    }

    /**
     * The intent no longer pays for this claim: it is free for another of the same client's (the client tried
     * another card on the same form and books again), and given back as an orphan if nothing takes it in time.
     */
    public record Release(String reason) implements Action {
    }

    public record Decision(State next, Action action) {
    }

    public static final String PAID_AFTER_BOOKING_FAILED = "the booking had failed before its payment completed";
    public static final String PAID_AFTER_FAILURE = "the payment completed after it had been reported failed";

    public static Decision next(State state, Input input) {
        Status status = state.status();
        boolean abandoned = state.abandoned();
        boolean notYetVerified = status == Status.NOT_REQUESTED || status == Status.UNVERIFIED;
        if (input instanceof Verified verified) {
            if (!notYetVerified) {
                return unchanged(state);
            }
            if (!verified.paid()) {
                return new Decision(new State(Status.WAITING, abandoned), new NoAction());
            }
            return paid(state);
        }
        if (input instanceof Rejected rejected) {
            return notYetVerified ? failed(state, rejected.reason()) : unchanged(state);
        }
        if (input instanceof Unverifiable) {
            return status == Status.NOT_REQUESTED
                    ? new Decision(new State(Status.UNVERIFIED, abandoned), new NoAction()) : unchanged(state);
        }
        if (input instanceof IntentSucceeded) {
            return switch (status) {
                case WAITING -> paid(state);
                case FAILED -> new Decision(state, new Release(PAID_AFTER_FAILURE));
                default -> unchanged(state);
            };
        }
        if (input instanceof IntentFailed intentFailed) {
            return status == Status.WAITING ? failed(state, intentFailed.reason()) : unchanged(state);
        }
        BookingAbandoned bookingFailed = (BookingAbandoned) input;
        if (status == Status.SUCCEEDED) {
            return new Decision(new State(Status.REFUNDING, true), new GiveBack(bookingFailed.reason()));
        }
        return new Decision(new State(status, true), new NoAction());
    }

    private static Decision paid(State state) {
        return state.abandoned()
                ? new Decision(new State(Status.REFUNDING, true), new GiveBack(PAID_AFTER_BOOKING_FAILED))
                : new Decision(new State(Status.SUCCEEDED, false), new AnnounceSuccess());
    }

    /** Once the booking has failed it hears only of money given back, not of a payment that failed. */
    private static Decision failed(State state, String reason) {
        return new Decision(new State(Status.FAILED, state.abandoned()),
                state.abandoned() ? new NoAction() : new AnnounceFailure(reason));
    }

    private static Decision unchanged(State state) {
        return new Decision(state, new NoAction());
    }
}
