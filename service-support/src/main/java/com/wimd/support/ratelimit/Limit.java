package com.wimd.support.ratelimit;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** At most {@code requests} in any {@code period} (refilled gradually), as configured: {@code 10/1m}, {@code 300/1h}. */
public record Limit(long requests, Duration period) {

    private static final Pattern TEXT = Pattern.compile("(\\d{1,9})\\s*/\\s*(\\d{0,6})\\s*(s|m|h)");

    public Limit {
        if (requests < 1 || period.isZero() || period.isNegative()) {
            throw new IllegalArgumentException("a limit allows at least one request in a positive period");
        }
    }

    /** Empty for a blank text (no limit); a text that is not a limit is a configuration error. */
    public static Optional<Limit> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        Matcher m = TEXT.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("a rate limit reads <requests>/<period> such as 10/1m or 300/1h, not " + text);
        }
        long amount = m.group(2).isEmpty() ? 1 : Long.parseLong(m.group(2));
        Duration period = switch (m.group(3)) {
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            default -> Duration.ofHours(amount);
        };
        return Optional.of(new Limit(Long.parseLong(m.group(1)), period));
    }

    @Override
    public String toString() {
        return requests + "/" + period;
    }
}
