package com.wimd.support.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.stream.Collectors;

/** Every error a service answers is {@code application/problem+json} with a stable type. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    public static Response response(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return response(e.toProblem());
    }

    /**
     * A body of the wrong shape: a value of the wrong type, an array for an object. Names the field and what it
     * should be, never a Java class.
     */
    @ServerExceptionMapper
    public Response unreadableField(JsonMappingException e) {
        return response(wrongShape(e));
    }

    /** Replaces the built-in mapper of this subtype, which answers 400 with no body. */
    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e) {
        return response(wrongShape(e));
    }

    @ServerExceptionMapper
    public Response unreadableBody(JsonProcessingException e) {
        return response(malformed());
    }

    static Problem wrongShape(JsonMappingException e) {
        String field = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."));
        if (e.getCause() instanceof JsonParseException) {
            return malformed();
        }
        Class<?> expected = e instanceof MismatchedInputException mismatch ? mismatch.getTargetType() : null;
        if (field.isEmpty()) {
            return Problem.of(ProblemType.VALIDATION, "the body must be a JSON object", null);
        }
        return Problem.of(ProblemType.VALIDATION, field + " must be " + describe(expected), field);
    }

    private static Problem malformed() {
        return Problem.of(ProblemType.MALFORMED_BODY, "the body is not valid JSON", null);
    }

    /** What a JSON value of this Java type looks like, in the client's words. */
    static String describe(Class<?> type) {
        if (type == null) {
            return "a value of the documented type";
        }
        if (CharSequence.class.isAssignableFrom(type) || type == java.util.UUID.class
                || java.time.temporal.Temporal.class.isAssignableFrom(type)) {
            return "a string";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != char.class)) {
            return "a number";
        }
        if (type.isEnum()) {
            return "one of " + java.util.Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name().toLowerCase(java.util.Locale.ROOT))
                    .collect(Collectors.joining(", "));
        }
        if (type.isArray() || java.util.Collection.class.isAssignableFrom(type)) {
            return "a list";
        }
        return "an object";
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthorized(RuntimeException e) {
        return Response.fromResponse(response(Problem.of(ProblemType.UNAUTHORIZED, "a valid bearer token is required", null)))
                .header("WWW-Authenticate", "Bearer").build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return response(Problem.of(ProblemType.FORBIDDEN, "your account may not do this", null));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        if (e.getCause() instanceof JsonMappingException mapping) { // Quarkus REST wraps what Jackson could not read
            return response(wrongShape(mapping));
        }
        if (e.getCause() instanceof JsonProcessingException) {
            return response(malformed());
        }
        int status = e.getResponse().getStatus();
        ProblemType type = switch (status) {
            case 404 -> ProblemType.NOT_FOUND;
            case 401 -> ProblemType.UNAUTHORIZED;
            case 403 -> ProblemType.FORBIDDEN;
            default -> new ProblemType("http-" + status, status, e.getResponse().getStatusInfo().getReasonPhrase());
        };
        return response(Problem.of(type, e.getMessage(), null));
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        LOG.error("unexpected error", e);
        return response(Problem.of(ProblemType.INTERNAL, "please try again; if it persists, contact the coach", null));
    }
}
