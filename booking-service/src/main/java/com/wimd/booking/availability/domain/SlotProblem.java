package com.wimd.booking.availability.domain;

/** Why a requested start cannot be a session. */
public enum SlotProblem {
    IN_THE_PAST("must be in the future"),
    BEYOND_THE_HORIZON("is further ahead than sessions can be booked"),
    NOT_ON_THE_GRID("must start on the hour or the half hour"),
    OUTSIDE_COACH_HOURS("must lie inside the coach's hours"),
    DATE_BLOCKED("falls on a date the coach has blocked"),
    COACH_BUSY("overlaps a time the coach is busy"),
    TOO_LITTLE_NOTICE("is too soon for this kind of session");

    private final String explanation;

    SlotProblem(String explanation) {
        this.explanation = explanation;
    }

    public String explanation() {
        return explanation;
    }
}
