package com.wimd.booking;

import com.wimd.infra.test.KafkaTestClient;
import com.wimd.infra.test.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.eclipse.microprofile.config.ConfigProvider;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** What the booking tests do over HTTP and Kafka, as a client and as the other services would. */
public final class BookingApi {

    private BookingApi() {
    }

    public static KafkaTestClient kafka() {
        return new KafkaTestClient(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
    }

    public static Response post(String user, String path, Object body) {
        return given().auth().oauth2(TestTokens.client(user)).contentType(ContentType.JSON).body(body).post(path);
    }

    /** Posts a booking request that must be accepted, and answers its id. */
    public static UUID accepted(String user, String path, Object body) {
        Response response = post(user, path, body);
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(202);
        return UUID.fromString(response.jsonPath().getString("booking_id"));
    }

    public static String status(String user, UUID booking) {
        return given().auth().oauth2(TestTokens.client(user)).get("/booking/" + booking)
                .then().statusCode(200).extract().jsonPath().getString("status");
    }

    /** Runs n calls at the same instant (as far as threads allow) and answers their results in order. */
    public static <T> List<T> concurrently(int n, IntFunction<T> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = IntStream.range(0, n).mapToObj(i -> pool.submit((Callable<T>) () -> {
                start.await();
                return call.apply(i);
            })).toList();
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
