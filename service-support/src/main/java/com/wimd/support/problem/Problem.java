package com.wimd.support.problem;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The body of an {@code application/problem+json} answer; {@code field} names the offending input. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String field) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem of(ProblemType type, String detail, String field) {
        return new Problem(type.uri(), type.title(), type.status(), detail, field);
    }
}
