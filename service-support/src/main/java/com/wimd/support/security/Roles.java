package com.wimd.support.security;

/** The roles the OIDC provider grants. */
public final class Roles {

    /** The coach: admin endpoints, reports, replays. */
    public static final String COACH = "coach";

    private Roles() {
    }
}
