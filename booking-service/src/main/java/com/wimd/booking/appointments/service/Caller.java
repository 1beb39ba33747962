package com.wimd.booking.appointments.service;

/** The signed-in user, from the OIDC token: subject, display name and email. */
public record Caller(String userId, String name, String email, boolean coach) {
}
