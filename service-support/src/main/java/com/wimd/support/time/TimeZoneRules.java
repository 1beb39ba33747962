package com.wimd.support.time;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.jboss.logging.Logger;

import java.time.zone.ZoneRulesProvider;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which time-zone rules (the IANA tz database release inside the JDK) this service reads clients' local times with.
 * They change several times a year (British Columbia stayed on UTC-7 from 2026-11-01, since tzdata 2026b), and a JDK
 * with older rules writes such a client's times an hour off while their browser shows the right one. Each service
 * logs the version at start (a warning when it is older than {@code support.tz-rules.minimum}) and shows it in its
 * health answer ({@code /q/health}, check {@code time-zone-rules}). It is reported, not enforced: a service with stale
 * rules still serves, and the remedy (a current JDK patch) is in docs/operations.md.
 */
@ApplicationScoped
@Liveness
public class TimeZoneRules implements HealthCheck {

    private static final Logger LOG = Logger.getLogger(TimeZoneRules.class);
    private static final Pattern RELEASE = Pattern.compile("(\\d{4})([a-z]*)");

    private final String minimum;

    public TimeZoneRules(@ConfigProperty(name = "support.tz-rules.minimum", defaultValue = "2026b") String minimum) {
        if (!RELEASE.matcher(minimum).matches()) {
            throw new IllegalArgumentException("support.tz-rules.minimum must be a tz release such as 2026b, not " + minimum);
        }
        this.minimum = minimum;
    }

    /** The tz database release of the rules this JVM uses, e.g. {@code 2026f}. */
    public static String version() {
        return ZoneRulesProvider.getVersions("UTC").lastKey();
    }

    /** Whether tz release {@code version} came out before {@code minimum} (2025a before 2026b; 2026z before 2026za). */
    public static boolean olderThan(String version, String minimum) {
        Matcher v = RELEASE.matcher(version);
        Matcher m = RELEASE.matcher(minimum);
        if (!v.matches() || !m.matches()) {
            return true; // not a release name at all: not to be trusted
        }
        int years = Integer.compare(Integer.parseInt(v.group(1)), Integer.parseInt(m.group(1)));
        if (years != 0) {
            return years < 0;
        }
        String vLetters = v.group(2);
        String mLetters = m.group(2);
        return vLetters.length() != mLetters.length() ? vLetters.length() < mLetters.length() : vLetters.compareTo(mLetters) < 0;
    }

    void onStart(@Observes StartupEvent start) {
        String version = version();
        if (olderThan(version, minimum)) {
            LOG.warnf("time-zone rules %s (Java %s) are older than %s: clients in some zones (British Columbia since "
                    + "2026-11-01) would be told times an hour off. Run a current JDK patch (docs/operations.md)",
                    version, System.getProperty("java.runtime.version"), minimum);
        } else {
            LOG.infof("time-zone rules %s (Java %s)", version, System.getProperty("java.runtime.version"));
        }
    }

    @Override
    public HealthCheckResponse call() {
        String version = version();
        return HealthCheckResponse.named("time-zone-rules").up()
                .withData("version", version)
                .withData("minimum", minimum)
                .withData("current", !olderThan(version, minimum))
                .withData("java", System.getProperty("java.runtime.version"))
                .build();
    }
}
