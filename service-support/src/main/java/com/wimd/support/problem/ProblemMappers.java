package com.wimd.support.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
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

    @ServerExceptionMapper
    public Response unreadableField(JsonMappingException e) {
        String field = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."));
        return response(Problem.of(ProblemType.VALIDATION, "cannot read " + (field.isEmpty() ? "the body" : field)
                + ": " + e.getOriginalMessage(), field.isEmpty() ? null : field));
    }

    @ServerExceptionMapper
    public Response unreadableBody(JsonProcessingException e) {
        return response(Problem.of(ProblemType.MALFORMED_BODY, "the body is not valid JSON: " + e.getOriginalMessage(), null));
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
