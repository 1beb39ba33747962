package com.wimd.notification.inapp.api;

import com.wimd.infra.test.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The inbox's live stream: a few per user at once, each ending when the token it was opened with expires. */
@QuarkusTest
class InboxStreamLimitsTest {

    final HttpClient http = HttpClient.newHttpClient();

    /** An open stream: its answer, and the reading of its body, which completes when the server ends the stream. */
    record Stream(HttpResponse<java.util.stream.Stream<String>> response, CompletableFuture<Void> ended) {
        void close() {
            response.body().close();
        }
    }

    Stream open(String token) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(RestAssured.baseURI + ":" + RestAssured.port + "/notifications/stream"))
                .header("Authorization", "Bearer " + token).header("Accept", "text/event-stream").GET().build();
        HttpResponse<java.util.stream.Stream<String>> response = http.sendAsync(request, HttpResponse.BodyHandlers.ofLines())
                .get(30, TimeUnit.SECONDS);
        CompletableFuture<Void> ended = response.statusCode() == 200
                ? CompletableFuture.runAsync(() -> response.body().forEach(line -> { }))
                : CompletableFuture.completedFuture(null);
        return new Stream(response, ended);
    }

    @Test
    void a_user_may_have_three_streams_open_and_a_fourth_is_refused_until_one_closes() throws Exception {
        String token = TestTokens.client("streamer-" + UUID.randomUUID());
        List<Stream> streams = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Stream stream = open(token);
            assertThat(stream.response().statusCode()).isEqualTo(200);
            streams.add(stream);
        }

        Stream fourth = open(token);
        assertThat(fourth.response().statusCode()).isEqualTo(429);
        assertThat(fourth.response().headers().firstValue("content-type").orElse("")).startsWith("application/problem+json");
        assertThat(String.join("", fourth.response().body().toList())).contains("urn:problem-type:too-many-streams");
        assertThat(open(TestTokens.client("someone-else-" + UUID.randomUUID())).response().statusCode())
                .as("another user's are their own").isEqualTo(200);

        streams.get(0).close();
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            Stream again = open(token);
            if (again.response().statusCode() == 200) {
                streams.set(0, again);
                return true;
            }
            return false;
        });
        streams.forEach(Stream::close);
    }

    @Test
    void a_stream_ends_when_the_token_it_was_opened_with_expires() throws Exception {
        Stream stream = open(TestTokens.clientExpiringIn("brief-" + UUID.randomUUID(), 3));
        assertThat(stream.response().statusCode()).isEqualTo(200);

        stream.ended().get(30, TimeUnit.SECONDS); // the server ended it: the body's lines ran out
    }
}
