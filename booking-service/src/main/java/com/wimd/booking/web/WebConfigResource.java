package com.wimd.booking.web;

import com.wimd.booking.config.BookingConfig;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** What the web pages need to know before they can sign a client in. Public: it holds nothing secret. */
@Path("/booking/web-config")
@PermitAll
public class WebConfigResource {

    public record WebConfig(SignIn signIn, String coachZone, int horizonDays, int sessionMinutes, String defaultPhoneRegion,
                            boolean smsEnabled) {
    }

    private final WebConfig config;

    @Inject
    public WebConfigResource(@ConfigProperty(name = "quarkus.oidc.auth-server-url") String issuer, BookingConfig booking) {
        this.config = new WebConfig(SignIn.fromIssuer(issuer, booking.webClientId()), booking.coachZone().getId(),
                booking.horizonDays(), booking.sessionMinutes(), booking.defaultPhoneRegion(), booking.smsEnabled());
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public WebConfig get() {
        return config;
    }
}
