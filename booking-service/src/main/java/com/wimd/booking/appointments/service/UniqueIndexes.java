package com.wimd.booking.appointments.service;

/**
 * Recognises the database refusing a write because of a unique index: a second live appointment for one slot
 * (appointments_one_live_per_slot: the race two clients lose and win at the same instant), a PaymentIntent
 * named by two live bookings, or by two packages.
 */
public final class UniqueIndexes {

    static final String SLOT_INDEX = "appointments_one_live_per_slot";
    static final String INTENT_INDEX = "appointments_one_live_booking_per_intent";
    public static final String PACKAGE_INTENT_INDEX = "session_packages_one_live_package_per_intent";

    private UniqueIndexes() {
    }

    static boolean isSlotConflict(Throwable failure) {
        return violates(failure, SLOT_INDEX);
    }

    static boolean isIntentConflict(Throwable failure) {
        return violates(failure, INTENT_INDEX);
    }

    /** Whether the failure (or one of its causes) is the database naming this unique index. */
    public static boolean violates(Throwable failure, String index) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String message = t.getMessage();
            if (message != null && message.contains(index)) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
