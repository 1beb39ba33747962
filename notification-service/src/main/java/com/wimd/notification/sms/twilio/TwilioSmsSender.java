package com.wimd.notification.sms.twilio;

import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.type.PhoneNumber;
import com.wimd.notification.sms.SmsSender;

import java.util.Optional;

/**
 * Texts through Twilio's Messages API with the official SDK (POST /2010-04-01/Accounts/{sid}/Messages.json, Basic
 * auth with the account's SID and token). One HTTP request per attempt ({@link OneAttemptHttpClient}): the
 * dispatcher's retry policy does the retrying. An error answer is the SDK's {@code ApiException}: a failed attempt.
 */
public class TwilioSmsSender implements SmsSender {

    private final TwilioRestClient client;
    private final PhoneNumber from;

    /**
     * @param apiBaseUrl where Twilio's API is, for a fake of it in tests; empty for Twilio itself
     */
    public TwilioSmsSender(String accountSid, String authToken, String from, Optional<String> apiBaseUrl) {
        // a client of our own, not the SDK's static Twilio.init: nothing global, one per sender
        this.client = new TwilioRestClient.Builder(accountSid, authToken)
                .httpClient(new OneAttemptHttpClient(apiBaseUrl.orElse(null)))
                .build();
        this.from = new PhoneNumber(from);
    }

    @Override
    public String send(String to, String text) {
        Message message = Message.creator(new PhoneNumber(to), from, text).create(client);
        return message.getSid();
    }
}
