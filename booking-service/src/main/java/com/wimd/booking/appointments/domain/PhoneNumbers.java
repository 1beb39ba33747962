package com.wimd.booking.appointments.domain;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;

import java.util.Optional;

/** The number the coach will call, normalised to E.164. */
public final class PhoneNumbers {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    /** Longer than any number anyone types (E.164 is at most 15 digits, with spaces and a prefix about 25). */
    public static final int MAX_LENGTH = 40;

    private PhoneNumbers() {
    }

    /**
     * @param raw           what the client typed, with or without a country code
     * @param defaultRegion the region assumed without a country code (ISO 3166, e.g. CA)
     * @return the E.164 form, or empty if it is not a valid, dialable number
     */
    public static Optional<String> toE164(String raw, String defaultRegion) {
        if (raw == null || raw.isBlank() || raw.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        try {
            Phonenumber.PhoneNumber number = UTIL.parse(raw, defaultRegion);
            return UTIL.isValidNumber(number)
                    ? Optional.of(UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164))
                    : Optional.empty();
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }
}
