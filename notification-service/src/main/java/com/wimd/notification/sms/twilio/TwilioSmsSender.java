package com.wimd.notification.sms.twilio;

import com.twilio.exception.ApiException;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.type.PhoneNumber;
import com.wimd.notification.delivery.Undeliverable;
import com.wimd.notification.sms.SmsSender;

import java.util.Optional;

/**
 * Texts through Twilio's Messages API with the official SDK (POST /2010-04-01/Accounts/{sid}/Messages.json, Basic
 * auth with the account's SID and token). One HTTP request per attempt ({@link OneAttemptHttpClient}): the
 * dispatcher's retry policy does the retrying. An error answer is the SDK's {@code ApiException}: a failed attempt,
 * given up at once when Twilio refused the text for good ({@link #refusedForGood}).
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
        try {
            Message message = Message.creator(new PhoneNumber(to), from, text).create(client);
            return message.getSid();
        } catch (ApiException e) {
            if (refusedForGood(e.getStatusCode())) {
                throw new Undeliverable("Twilio refused the text (HTTP " + e.getStatusCode() + ", code " + e.getCode()
                        + "): " + e.getMessage(), e);
            }
            throw e;
        }
    }

    /**
     * A 4xx says the text itself is wrong (an invalid or unreachable number, a blocked recipient): the same request
     * will be refused again. Except: 429 (too many requests) and 408 (timeout) pass, and 401/403 say our keys are wrong,
     * not the text, so it is retried while someone fixes them. A 5xx, or no answer, is worth another try too. Pure.
     */
    static boolean refusedForGood(Integer status) {
        return status != null && status >= 400 && status < 500 && !java.util.Set.of(401, 403, 408, 429).contains(status);
    }
}
