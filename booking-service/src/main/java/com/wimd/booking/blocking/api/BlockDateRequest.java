package com.wimd.booking.blocking.api;

/**
 * One date ({@code date}) or a range ({@code start_date} to {@code end_date}, both included), in the coach's zone.
 *
 * @param notifyAffectedUsers accepted for the seed's API; clients whose booking moves or is cancelled are always told
 */
public record BlockDateRequest(String date, String startDate, String endDate, String reason, Boolean notifyAffectedUsers) {
}
