package com.wimd.booking.appointments.api;

import com.wimd.support.ratelimit.RateLimited;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.wimd.booking.appointments.domain.PhoneNumbers;
import com.wimd.booking.config.BookingConfig;
import com.wimd.support.problem.ProblemType;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.util.Locale;

/**
 * Lets the booking page check a phone number as it is typed, by the same rule a booking applies
 * ({@link PhoneNumbers#toE164}), so the page never accepts a number the booking would refuse.
 */
@Path("/booking/phone-check")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
public class PhoneCheckResource {

    private final BookingConfig config;

    public PhoneCheckResource(BookingConfig config) {
        this.config = config;
    }

    /** @param e164 the number as the booking would store it, or null when it is not a valid, dialable number */
    public record PhoneCheck(boolean valid, String e164, String region) {
    }

    /**
     * @param number what the client typed so far (up to {@link PhoneNumbers#MAX_LENGTH} characters)
     * @param region the country chosen (ISO 3166 alpha-2), used when the number has no country code; absent: the
     *               coach's default region
     */
    @RateLimited(value = "phone-check", perAddress = "120/1m")
    @GET
    public PhoneCheck check(@QueryParam("number") String number, @QueryParam("region") String region) {
        String chosen = region == null || region.isBlank() ? config.defaultPhoneRegion() : region.trim().toUpperCase(Locale.ROOT);
        if (!PhoneNumberUtil.getInstance().getSupportedRegions().contains(chosen)) {
            throw ProblemType.VALIDATION.at("region", "region must be a country code such as CA or US");
        }
        if (number != null && number.length() > PhoneNumbers.MAX_LENGTH) {
            throw ProblemType.VALIDATION.at("number", "number must be at most " + PhoneNumbers.MAX_LENGTH + " characters");
        }
        String e164 = PhoneNumbers.toE164(number, chosen).orElse(null);
        return new PhoneCheck(e164 != null, e164, chosen);
    }
}
