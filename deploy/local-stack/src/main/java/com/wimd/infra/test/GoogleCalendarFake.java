package com.wimd.infra.test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

/**
 * An HTTP fake of Google's OAuth token endpoint and Calendar API (WireMock), and a service-account key
 * whose token_uri points at it, so the production adapter runs unchanged through the real Google client.
 * The RSA key is generated per run: nothing secret is committed.
 */
public final class GoogleCalendarFake implements AutoCloseable {

    public static final String CALENDAR_ID = "coach@example.com";
    public static final String EVENTS_PATH = "/calendar/v3/calendars/coach@example.com/events";

    private final RandomFaults faults = new RandomFaults();
    private final WireMockServer server;
    private final String serviceAccountKey;

    public GoogleCalendarFake() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1").extensions(faults));
        server.start();
        serviceAccountKey = serviceAccountKeyJson(baseUrl() + "/token");
        server.stubFor(post(urlPathEqualTo("/token")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json")
                .withBody("{\"access_token\":\"fake-access-token\",\"token_type\":\"Bearer\",\"expires_in\":3600}")));
        acceptEvents();
        server.stubFor(WireMock.delete(urlPathMatching("/calendar/v3/calendars/[^/]+/events/[^/]+"))
                .willReturn(aResponse().withStatus(204)));
        answerBusy();
        // a patch (the Java client sends it as a POST with X-HTTP-Method-Override: PATCH) echoes the new times
        server.stubFor(WireMock.any(urlPathMatching("/calendar/v3/calendars/[^/]+/events/[^/]+"))
                .atPriority(20).withHeader("X-HTTP-Method-Override", WireMock.equalTo("PATCH"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"kind\":\"calendar#event\",\"status\":\"confirmed\"}")));
        server.stubFor(WireMock.patch(urlPathMatching("/calendar/v3/calendars/[^/]+/events/[^/]+")).atPriority(20)
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"kind\":\"calendar#event\",\"status\":\"confirmed\"}")));
    }

    /**
     * What the coach's free/busy query answers from now on: these busy periods, given as instants "start/end" (none:
     * a free calendar, the default).
     */
    public void answerBusy(String... periods) {
        String busy = java.util.Arrays.stream(periods).map(p -> p.split("/"))
                .map(p -> "{\"start\":\"" + p[0] + "\",\"end\":\"" + p[1] + "\"}")
                .collect(java.util.stream.Collectors.joining(","));
        server.stubFor(post(urlPathEqualTo("/calendar/v3/freeBusy")).atPriority(10)
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"kind\":\"calendar#freeBusy\",\"calendars\":{\"" + CALENDAR_ID + "\":{\"busy\":[" + busy + "]}}}")));
    }

    /** How many free/busy queries were made. */
    public int freeBusyQueries() {
        return server.findAll(WireMock.postRequestedFor(urlPathEqualTo("/calendar/v3/freeBusy"))).size();
    }

    /** The ids of the events inserted with a body containing this (a retried insert names the same id again). */
    public java.util.Set<String> insertedEventIds(String bodyContaining) {
        return server.findAll(WireMock.postRequestedFor(urlPathMatching("/calendar/v3/calendars/[^/]+/events"))
                        .withRequestBody(containing(bodyContaining))).stream()
                .map(r -> {
                    java.util.regex.Matcher id = java.util.regex.Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"")
                            .matcher(r.getBodyAsString());
                    return id.find() ? id.group(1) : "?";
                })
                .collect(java.util.stream.Collectors.toSet());
    }

    /** The bodies of the patches of one event (its moves), oldest first. */
    public java.util.List<String> eventPatches(String eventId) {
        return server.findAll(WireMock.anyRequestedFor(urlPathMatching("/calendar/v3/calendars/[^/]+/events/" + eventId)))
                .stream().filter(r -> r.getMethod().getName().equals("PATCH")
                        || "PATCH".equals(r.getHeader("X-HTTP-Method-Override")))
                .map(com.github.tomakehurst.wiremock.verification.LoggedRequest::getBodyAsString).toList();
    }

    /** How many times the event was deleted. */
    public int eventDeletes(String eventId) {
        return server.findAll(WireMock.deleteRequestedFor(urlPathMatching("/calendar/v3/calendars/[^/]+/events/" + eventId)))
                .size();
    }

    /** Every insert succeeds and echoes the event, as Google does. */
    public void acceptEvents() {
        server.stubFor(post(urlPathMatching("/calendar/v3/calendars/[^/]+/events")).atPriority(10)
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"kind\":\"calendar#event\",\"id\":\"{{jsonPath request.body '$.id'}}\","
                                + "\"status\":\"confirmed\",\"summary\":\"{{jsonPath request.body '$.summary'}}\"}")
                        .withTransformers("response-template")));
    }

    /** Inserts whose body contains {@code marker} (a phone number, say) fail with {@code status}; remove the stub to end it. */
    public com.github.tomakehurst.wiremock.stubbing.StubMapping failEventsContaining(String marker, int status) {
        return server.stubFor(post(urlPathMatching("/calendar/v3/calendars/[^/]+/events")).atPriority(1)
                .withRequestBody(containing(marker))
                .willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":{\"code\":" + status + ",\"message\":\"fake failure\"}}")));
    }

    /** Inserts whose body contains {@code marker} succeed, but only after {@code delay}: a slow calendar. */
    public com.github.tomakehurst.wiremock.stubbing.StubMapping delayEventsContaining(String marker, java.time.Duration delay) {
        return server.stubFor(post(urlPathMatching("/calendar/v3/calendars/[^/]+/events")).atPriority(2)
                .withRequestBody(containing(marker))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withFixedDelay((int) delay.toMillis())
                        .withBody("{\"kind\":\"calendar#event\",\"id\":\"{{jsonPath request.body '$.id'}}\","
                                + "\"status\":\"confirmed\"}")
                        .withTransformers("response-template")));
    }

    public String baseUrl() {
        return "http://localhost:" + server.port();
    }

    /** The JSON key to put in GOOGLE_SERVICE_ACCOUNT_KEY. */
    public String serviceAccountKey() {
        return serviceAccountKey;
    }

    public WireMockServer server() {
        return server;
    }

    public int eventInserts(String bodyContaining) {
        return server.findAll(WireMock.postRequestedFor(urlPathMatching("/calendar/v3/calendars/[^/]+/events"))
                .withRequestBody(containing(bodyContaining))).size();
    }

    /**
     * From now on, this share of the calendar API's calls (not the token's) fail: four in five with 503, one in five
     * by answering 503 only after the adapter's 10 s read timeout (a timeout). Seeded, so that a run fails the same
     * calls; a share of 0 ends it.
     */
    public void failRandomly(double share, long seed) {
        faults.set(share, seed);
    }

    /** How many calls {@link #failRandomly} has failed so far. */
    public int failuresInjected() {
        return faults.injected.get();
    }

    private static final class RandomFaults implements com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2 {
        volatile double share;
        java.util.Random random = new java.util.Random(0);
        final java.util.concurrent.atomic.AtomicInteger injected = new java.util.concurrent.atomic.AtomicInteger();

        synchronized void set(double share, long seed) {
            this.random = new java.util.Random(seed);
            this.share = share;
        }

        @Override
        public com.github.tomakehurst.wiremock.http.ResponseDefinition transform(com.github.tomakehurst.wiremock.stubbing.ServeEvent event) {
            if (share <= 0 || !event.getRequest().getUrl().startsWith("/calendar/")) {
                return event.getResponseDefinition();
            }
            double draw;
            synchronized (this) {
                draw = random.nextDouble();
            }
            if (draw >= share) {
                return event.getResponseDefinition();
            }
            injected.incrementAndGet();
            var failure = aResponse().withStatus(503).withHeader("Content-Type", "application/json")
                    .withBody("{\"error\":{\"code\":503,\"message\":\"fake outage\"}}");
            return (draw < share / 5 ? failure.withFixedDelay(11_000) : failure).build();
        }

        @Override
        public boolean applyGlobally() {
            return true;
        }

        @Override
        public String getName() {
            return "random-faults";
        }
    }

    @Override
    public void close() {
        server.stop();
    }

    private static String serviceAccountKeyJson(String tokenUri) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            byte[] pkcs8 = generator.generateKeyPair().getPrivate().getEncoded();
            String pem = "-----BEGIN " + "PRIVATE KEY-----\\n"
                    + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(pkcs8).replace("\n", "\\n")
                    + "\\n-----END " + "PRIVATE KEY-----\\n";
            return "{\"type\":\"service_account\",\"project_id\":\"coach-test\",\"private_key_id\":\"test-key\","
                    + "\"private_key\":\"" + pem + "\",\"client_email\":\"booking@coach-test.iam.gserviceaccount.com\","
                    + "\"client_id\":\"1\",\"token_uri\":\"" + tokenUri + "\"}";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
