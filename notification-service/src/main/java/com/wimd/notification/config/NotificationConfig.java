package com.wimd.notification.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;

@ConfigMapping(prefix = "notification")
public interface NotificationConfig {

    /** The coach's zone: every time is shown in it (and in the client's own zone too, when the booking names one). */
    @WithDefault("America/Toronto")
    ZoneId coachZone();

    /** Where a client cancels, reschedules or picks another time. */
    @WithDefault("http://localhost:8081/")
    String bookingPageUrl();

    /** What a client is asked to do before the call: in every email about a session still to come, and in its invite. */
    @WithDefault("Find a quiet place where you can talk freely for 30 minutes, with good phone reception. "
            + "Have a pen and paper at hand, and note beforehand the one or two things you most want to talk about.")
    String preparationNotes();

    /** The organizer of the calendar invite. */
    @WithDefault("coach@localhost")
    String coachEmail();

    /** The sender of every email. */
    @WithDefault("Coach <coach@localhost>")
    String from();

    Email email();

    Sms sms();

    Reminders reminders();

    /** The reminder before each session (see reminders.ReminderRule). */
    interface Reminders {

        /** How long before the session the reminder is due. */
        @WithDefault("24h")
        Duration lead();

        /**
         * How often the job looks for due reminders: the scheduler's {@code every} ({@code 10s}), or {@code off}, which
         * stops the job (the tests run it by hand, at the times they choose).
         */
        @WithDefault("10s")
        String interval();

        /** How many reminders one transaction claims at most. */
        @WithDefault("50")
        int batchSize();
    }

    /** How a channel's dispatcher sends the PENDING rows of its channel and retries a failed send. */
    interface Dispatch {

        /**
         * How often the dispatcher looks for due messages when nothing wakes it: a message written to send wakes it
         * when its transaction commits, and a retry it scheduled when it falls due, so this look only finds what
         * another instance left (its lease ran out) or what came while the database listener was reconnecting.
         */
        @WithDefault("1s")
        Duration interval();

        /** How many pending messages one dispatcher claims at a time. */
        @WithDefault("20")
        int batchSize();

        /** How many of a claimed batch are sent at once (each send waits on the provider). */
        @WithDefault("4")
        int concurrency();

        /**
         * Send attempts before a message is given up (FAILED): with the waits doubling from 5 s to a minute, 60 attempts
         * keep trying for about 55 minutes (probes between them not counted).
         */
        @WithDefault("60")
        int maxAttempts();

        /** The wait after the first failed attempt; it doubles after each further one. */
        @WithDefault("5s")
        Duration firstRetryDelay();

        /** The longest wait between two tries (at most a minute: no message waits longer than that). */
        @WithDefault("60s")
        Duration maxRetryDelay();

        /**
         * While the provider is not answering, how often a waiting message is tried ahead of its retry (a probe that
         * counts as no attempt); once one goes through, every waiting message goes out.
         */
        @WithDefault("5s")
        Duration probeInterval();

        /**
         * How long a claimed message is reserved for the dispatcher that claimed it. If that instance dies
         * mid-send, another sends it after the lease: longer than the send timeout, so a live sender keeps it.
         */
        @WithDefault("2m")
        Duration lease();

        /**
         * The longest one send may take: then it counts as failed and is tried again. A provider that answers answers
         * within seconds; a conversation that stalls (the mail client now and then loses a reply) waits no longer.
         */
        @WithDefault("20s")
        Duration sendTimeout();
    }

    interface Email extends Dispatch {
    }

    interface Sms extends Dispatch {

        /**
         * TWILIO_SMS_ENABLED: whether text messages are sent at all. Off (the default), an SMS a client chose is
         * recorded DISABLED and not sent.
         */
        @WithDefault("false")
        boolean enabled();

        /** Which adapter sends them: chosen here, never by a missing key. */
        Provider provider();

        Twilio twilio();

        enum Provider {
            /** Twilio's API through its SDK. */
            TWILIO,
            /** Writes each text to the log: the local run. */
            LOCAL
        }

        /** Read only when the provider is twilio and SMS is enabled; each then must be set. */
        interface Twilio {

            /** TWILIO_ACCOUNT_SID */
            Optional<String> accountSid();

            /** TWILIO_AUTH_TOKEN */
            Optional<String> authToken();

            /** TWILIO_PHONE_NUMBER: the sender, E.164. */
            Optional<String> phoneNumber();

            /**
             * Where Twilio's API is, for tests against a fake of it (scheme, host and port, e.g.
             * http://localhost:8089); empty for Twilio itself.
             */
            Optional<String> apiBaseUrl();
        }
    }
}
