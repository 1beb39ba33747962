package com.wimd.payment.gateway.sandbox;

import com.wimd.support.db.Db;
import com.wimd.support.db.PgNotifications;
import com.wimd.payment.gateway.GatewayConfig;
import com.wimd.payment.gateway.PaymentGatewayProducer.WebhookSecret;
import com.wimd.payment.webhook.domain.StripeSignature;
import com.wimd.support.work.Backoff;
import com.wimd.support.work.BackgroundLoop;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Delivers the sandbox's webhook events the way Stripe does: signed with the webhook secret at send time, POSTed to
 * this service's own webhook endpoint, retried with backoff until it answers 2xx. Runs only in sandbox mode. A queued
 * event wakes it when its transaction commits (a trigger's NOTIFY); a slow poll covers retries and a lost listener.
 */
@ApplicationScoped
public class SandboxWebhookDispatcher {

    private static final Logger LOG = Logger.getLogger(SandboxWebhookDispatcher.class);
    static final String CHANNEL = "sandbox_webhooks";
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(200);
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(1);

    private final GatewayConfig config;
    private final WebhookSecret secret;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private BackgroundLoop loop;

    private final SandboxConfig sandbox;
    private final PgNotifications notifications;

    public SandboxWebhookDispatcher(GatewayConfig config, WebhookSecret secret, SandboxConfig sandbox, Clock clock,
                                    PgNotifications notifications) {
        this.config = config;
        this.notifications = notifications;
        this.secret = secret;
        this.sandbox = sandbox;
        this.clock = clock;
    }

    void start(@Observes StartupEvent event) {
        if (config.live()) {
            return;
        }
        LOG.infof("sandbox webhooks go to %s", sandbox.webhookUrl());
        loop = BackgroundLoop.start("sandbox-webhooks", sandbox.webhookPoll(), () -> deliverDue() > 0, LOG);
        notifications.listen(CHANNEL, payload -> loop.wake(), () -> loop.wake());
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        if (loop != null) {
            loop.stop();
        }
    }

    /** Delivers the events that are due, oldest first; returns how many were delivered. */
    int deliverDue() throws InterruptedException {
        Instant now = clock.instant();
        List<SandboxWebhookDelivery> due = Db.session(() -> SandboxWebhookDelivery
                .<SandboxWebhookDelivery>find("deliveredAt is null and nextAttemptAt <= ?1 order by createdAt, eventId", now)
                .page(0, 20).list());
        int delivered = 0;
        for (SandboxWebhookDelivery delivery : due) {
            String failure = post(delivery);
            Instant after = clock.instant();
            if (failure == null) {
                delivered++;
                Db.transaction(() -> SandboxWebhookDelivery.update(
                        "deliveredAt = ?1, attempts = attempts + 1, lastError = null where eventId = ?2", after, delivery.eventId));
            } else {
                Instant next = after.plus(Backoff.exponential(FIRST_BACKOFF, delivery.attempts + 1, MAX_BACKOFF));
                LOG.warnf("sandbox webhook %s (%s) not accepted: %s", delivery.eventId, delivery.eventType, failure);
                Db.transaction(() -> SandboxWebhookDelivery.update(
                        "nextAttemptAt = ?1, attempts = attempts + 1, lastError = ?2 where eventId = ?3", next, failure, delivery.eventId));
            }
        }
        return delivered;
    }

    /** @return null when the endpoint accepted the event, otherwise why not */
    private String post(SandboxWebhookDelivery delivery) throws InterruptedException {
        String url = ConfigProvider.getConfig().getValue("payment.sandbox.webhook-url", String.class);
        String signature = StripeSignature.header(delivery.payload, secret.value(), clock.instant().getEpochSecond());
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json; charset=utf-8")
                .header("Stripe-Signature", signature)
                .POST(HttpRequest.BodyPublishers.ofString(delivery.payload, StandardCharsets.UTF_8))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() / 100 == 2 ? null : "HTTP " + response.statusCode() + ": " + response.body();
        } catch (java.io.IOException e) {
            return url + " unreachable: " + e.getMessage();
        }
    }
}
