package com.wimd.notification.sms;

/** Where text messages leave the service: Twilio, or the log in a local run ({@code notification.sms.provider}). */
public interface SmsSender {

    /**
     * Sends one text; a thrown exception is a failed attempt (the dispatcher retries it).
     *
     * @param to   E.164
     * @return the provider's id for the message (Twilio's message SID)
     */
    String send(String to, String text);
}
