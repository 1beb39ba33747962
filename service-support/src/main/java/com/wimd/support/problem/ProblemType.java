package com.wimd.support.problem;

/**
 * A kind of problem with a stable type URI (RFC 9457): clients branch on {@link #uri()}, never on the title.
 * Services declare their own next to these common ones.
 */
public record ProblemType(String slug, int status, String title) {

    public static final String URI_PREFIX = "urn:problem-type:";

    public static final ProblemType VALIDATION = new ProblemType("validation", 400, "The request is not valid");
    public static final ProblemType MALFORMED_BODY = new ProblemType("malformed-body", 400, "The request body cannot be read");
    public static final ProblemType NOT_FOUND = new ProblemType("not-found", 404, "Not found");
    public static final ProblemType UNAUTHORIZED = new ProblemType("unauthorized", 401, "Sign in first");
    public static final ProblemType FORBIDDEN = new ProblemType("forbidden", 403, "Not allowed");
    public static final ProblemType CONFLICT = new ProblemType("conflict", 409, "Conflict");
    public static final ProblemType INTERNAL = new ProblemType("internal", 500, "Something went wrong on our side");

    public String uri() {
        return URI_PREFIX + slug;
    }

    /** A problem of this type about one field of the request. */
    public ProblemException at(String field, String detail) {
        return new ProblemException(this, detail, field);
    }

    /** A problem of this type not tied to one field. */
    public ProblemException because(String detail) {
        return new ProblemException(this, detail, null);
    }
}
