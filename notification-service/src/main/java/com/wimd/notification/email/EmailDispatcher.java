package com.wimd.notification.email;

import com.wimd.notification.config.NotificationConfig;
import com.wimd.notification.delivery.ChannelDispatch;
import com.wimd.notification.delivery.DeliveryQueue;
import com.wimd.notification.log.Channel;
import com.wimd.support.db.PgNotifications;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletionException;

/**
 * Sends the emails that consumers wrote as PENDING log rows, through the channels' common dispatch
 * ({@link ChannelDispatch}: woken when such a row commits, claimed with a lease, sent outside any transaction a few at
 * a time, SENT or retried with backoff, FAILED when given up, each outcome's ClientNotified with it). A crash between
 * sending and recording sends that email again after the lease: delivery is at least once, and each email names its
 * row in {@code X-Notification-Id}.
 */
@ApplicationScoped
public class EmailDispatcher {

    private final ChannelDispatch dispatch;
    private final PgNotifications notifications;

    public EmailDispatcher(ReactiveMailer mailer, EmailRenderer renderer, Clock clock, NotificationConfig config,
                           DeliveryQueue queue, PgNotifications notifications) {
        NotificationConfig.Email settings = config.email();
        this.notifications = notifications;
        this.dispatch = new ChannelDispatch(Channel.EMAIL, queue, clock, settings, email -> {
            send(mailer, renderer.render(PendingEmail.of(email)), settings.sendTimeout());
            return null; // SMTP gives no id; the email names its row instead
        });
    }

    /**
     * Sends on a Vert.x context and waits (from the dispatcher's own thread) at most {@code timeout}. Not from the
     * dispatcher's thread itself: the mail client then sets up a new connection's reading from a thread other than the
     * one its socket reads on, and now and then a server's greeting was lost (the conversation stalled until the
     * server gave up on it) or half read ({@code ManyEmailsAtOnceTest}, under load).
     */
    static void send(ReactiveMailer mailer, Mail mail, Duration timeout) {
        try {
            VertxContextSupport.subscribeAndAwait(() -> mailer.send(mail).ifNoItem().after(timeout).fail());
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new CompletionException(e);
        }
    }

    void onStart(@Observes StartupEvent event) {
        dispatch.start(notifications);
    }

    void onStop(@Observes ShutdownEvent event) throws InterruptedException {
        dispatch.stop();
    }
}
