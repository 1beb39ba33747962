package com.wimd.events;

/**
 * Who the session is for. The user id is the OIDC token's subject; the phone is E.164 (the coach calls it).
 */
public record Client(String userId, String name, String email, String phone) {
}
