package com.wimd.calendar.events.messaging;

import com.wimd.infra.test.GoogleCalendarFake;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.List;
import java.util.Map;

/** Runs the service with the Google adapter against the HTTP fake of Google's APIs. */
public class GoogleCalendarProfile implements QuarkusTestProfile {

    /** Bookings for this phone number are refused by the fake (403) on every try. */
    public static final String FAILING_PHONE = "+14165550150";
    /** Bookings for this phone number meet a Google outage (503) until a test ends it. */
    public static final String OUTAGE_PHONE = "+14165550151";

    /** The fake, for tests that change what it answers. */
    public static volatile GoogleCalendarFake google;

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(FakeResource.class));
    }

    public static class FakeResource implements QuarkusTestResourceLifecycleManager {
        private GoogleCalendarFake google;

        @Override
        public Map<String, String> start() {
            google = new GoogleCalendarFake();
            GoogleCalendarProfile.google = google;
            google.failEventsContaining(FAILING_PHONE, 403);
            return Map.of(
                    "calendar.mode", "google",
                    "calendar.google.service-account-key", google.serviceAccountKey(),
                    "calendar.google.calendar-id", GoogleCalendarFake.CALENDAR_ID,
                    "calendar.google.root-url", google.baseUrl(),
                    "calendar.max-attempts", "2",
                    "calendar.retry-backoff", "PT0.05S",
                    "calendar.busy-times.alert-after", "PT2S");
        }

        @Override
        public void stop() {
            google.close();
        }
    }
}
