package com.wimd.support.problem;

/** Thrown to answer with a problem; carries no stack trace (it is an expected outcome, not a bug). */
public class ProblemException extends RuntimeException {

    private final ProblemType type;
    private final String field;

    public ProblemException(ProblemType type, String detail, String field) {
        super(detail, null, false, false);
        this.type = type;
        this.field = field;
    }

    public ProblemType type() {
        return type;
    }

    public String field() {
        return field;
    }

    public Problem toProblem() {
        return Problem.of(type, getMessage(), field);
    }
}
