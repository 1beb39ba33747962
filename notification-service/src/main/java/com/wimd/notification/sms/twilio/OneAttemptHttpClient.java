package com.wimd.notification.sms.twilio;

import com.twilio.http.NetworkHttpClient;
import com.twilio.http.Request;
import com.twilio.http.Response;

import java.net.URI;
import java.net.URL;
import java.util.List;
import java.util.Map;

/**
 * The SDK's own HTTP client, with two changes. It makes one request per call: the SDK would otherwise retry any 5xx
 * three times, 100 ms apart, hidden from the notification log and its backoff. And, given a base URL, it sends each
 * request there instead of to {@code https://<product>.twilio.com} (the SDK has no setting for it): for a fake of
 * Twilio's API in tests. The base's host should be a name (localhost), not an IP address: the SDK reads a dotted
 * host as {@code product.region.twilio.com}.
 */
class OneAttemptHttpClient extends NetworkHttpClient {

    private final URI base;

    OneAttemptHttpClient(String baseUrl) {
        this.base = baseUrl == null || baseUrl.isBlank() ? null : URI.create(baseUrl);
    }

    @Override
    public Response reliableRequest(Request request) {
        return reliableRequest(request, RETRY_CODES, 1, 0);
    }

    @Override
    public Response makeRequest(Request request) {
        return super.makeRequest(base == null ? request : onto(base, request));
    }

    /**
     * The same request, sent to {@code base}: everything the SDK's {@code makeRequest} reads (method, path, query,
     * form and header parameters, body and its type, credentials, user agent) is carried over.
     */
    private static Request onto(URI base, Request request) {
        URL original = request.constructURL();
        Request moved = new Request(request.getMethod(), base.resolve(original.getPath()).toString());
        copy(request.getQueryParams(), moved::addQueryParam);
        copy(request.getPostParams(), moved::addPostParam);
        copy(request.getHeaderParams(), moved::addHeaderParam);
        moved.setFormParameters(request.getFormParameters());
        moved.setContentType(request.getContentType());
        moved.setBody(request.getBody());
        moved.setUserAgentExtensions(request.getUserAgentExtensions());
        if (request.getUsername() != null || request.getPassword() != null) {
            moved.setAuth(request.getUsername(), request.getPassword());
        }
        if (request.getAuthStrategy() != null) {
            moved.setAuth(request.getAuthStrategy());
        }
        return moved;
    }

    private interface Adder {
        void add(String name, String value);
    }

    private static void copy(Map<String, List<String>> params, Adder into) {
        params.forEach((name, values) -> values.forEach(value -> into.add(name, value)));
    }
}
