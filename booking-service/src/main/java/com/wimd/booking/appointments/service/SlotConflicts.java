package com.wimd.booking.appointments.service;

/**
 * Recognises the database refusing a second live appointment for one slot (the partial unique index
 * appointments_one_live_per_slot): the race two clients lose and win at the same instant.
 */
final class SlotConflicts {

    static final String INDEX = "appointments_one_live_per_slot";

    private SlotConflicts() {
    }

    static boolean isSlotConflict(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String message = t.getMessage();
            if (message != null && message.contains(INDEX)) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
