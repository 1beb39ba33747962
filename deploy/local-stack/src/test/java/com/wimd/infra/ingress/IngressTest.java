package com.wimd.infra.ingress;

import com.sun.net.httpserver.HttpServer;
import com.wimd.infra.ServiceSpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The ingress in front of four stand-in services that answer with what they received. */
class IngressTest {

    static final Map<ServiceSpec, HttpServer> SERVICES = new EnumMap<>(ServiceSpec.class);
    static Ingress ingress;
    static final HttpClient CLIENT = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws IOException {
        for (ServiceSpec spec : ServiceSpec.values()) {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> {
                byte[] body = exchange.getRequestBody().readAllBytes();
                String echo = spec + " " + exchange.getRequestMethod() + " " + exchange.getRequestURI()
                        + " sig=" + exchange.getRequestHeaders().getFirst("Stripe-Signature")
                        + " auth=" + exchange.getRequestHeaders().getFirst("Authorization")
                        + " fwd=" + exchange.getRequestHeaders().get("X-Forwarded-Host")
                        + "/" + exchange.getRequestHeaders().getFirst("X-Forwarded-Proto")
                        + " for=" + exchange.getRequestHeaders().get("X-Forwarded-For")
                        + " body=" + new String(body, StandardCharsets.UTF_8);
                byte[] answer = echo.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/problem+json");
                exchange.sendResponseHeaders(exchange.getRequestURI().getPath().endsWith("/missing") ? 404 : 200,
                        answer.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(answer);
                }
            });
            server.start();
            SERVICES.put(spec, server);
        }
        ingress = Ingress.start(0, spec -> "http://127.0.0.1:" + SERVICES.get(spec).getAddress().getPort());
    }

    @AfterAll
    static void stop() {
        ingress.close();
        SERVICES.values().forEach(s -> s.stop(0));
    }

    static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpRequest.Builder at(String path) {
        return HttpRequest.newBuilder(URI.create(ingress.baseUrl() + path));
    }

    @Test
    void stripes_webhook_reaches_payment_service_with_its_signature_and_raw_body_untouched() throws Exception {
        String raw = "{\"id\": \"evt_1\",  \"type\":\"payment_intent.succeeded\"}\n";
        HttpResponse<String> response = send(at("/booking/stripe-webhook")
                .header("Stripe-Signature", "t=1,v1=abc").POST(HttpRequest.BodyPublishers.ofString(raw)));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("PAYMENT POST /booking/stripe-webhook sig=t=1,v1=abc auth=null fwd=[127.0.0.1:"
                + ingress.port() + "]/http for=[127.0.0.1] body=" + raw);
    }

    @Test
    void each_path_goes_to_the_service_that_owns_it_with_its_query_and_token() throws Exception {
        assertThat(send(at("/booking/create-free?x=1").header("Authorization", "Bearer t")
                .POST(HttpRequest.BodyPublishers.ofString("{}"))).body())
                .isEqualTo("BOOKING POST /booking/create-free?x=1 sig=null auth=Bearer t fwd=[127.0.0.1:" + ingress.port()
                        + "]/http for=[127.0.0.1] body={}");
        assertThat(send(at("/booking/admin/payments").GET()).body()).startsWith("PAYMENT GET /booking/admin/payments ");
        assertThat(send(at("/booking/admin/appointments").GET()).body()).startsWith("BOOKING GET /booking/admin/appointments ");
        assertThat(send(at("/payments/intents").GET()).body()).startsWith("PAYMENT GET /payments/intents ");
        assertThat(send(at("/notifications").GET()).body()).startsWith("NOTIFICATION GET /notifications ");
        assertThat(send(at("/").GET()).body()).startsWith("BOOKING GET / ");
    }

    @Test
    void the_service_sees_the_public_host_once_even_if_the_client_claims_another() throws Exception {
        assertThat(send(at("/booking/x").header("X-Forwarded-Host", "evil.example").GET()).body())
                .contains("fwd=[127.0.0.1:" + ingress.port() + "]/http");
    }

    @Test
    void the_service_sees_the_callers_address_not_the_one_the_caller_claims() throws Exception {
        assertThat(send(at("/booking/x").header("X-Forwarded-For", "203.0.113.9").GET()).body())
                .contains("for=[127.0.0.1]");
    }

    @Test
    void health_metrics_and_the_api_description_are_not_served_on_the_public_origin() throws Exception {
        for (String path : List.of("/q/health", "/q/health/ready", "/q/metrics", "/q/openapi", "/q/swagger-ui/", "/q")) {
            HttpResponse<String> response = send(at(path).GET());
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(response.body()).as(path + " never reaches a service").doesNotContain("BOOKING", "PAYMENT");
        }
        String nginx = Files.readString(Path.of("../ingress/nginx.conf"));
        assertThat(nginx).contains("location /q/ { return 404; }", "location = /q { return 404; }");
    }

    @Test
    void the_services_status_and_headers_come_back_unchanged() throws Exception {
        HttpResponse<String> response = send(at("/booking/missing").GET());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
    }

    @Test
    void a_service_that_is_down_gets_a_502_problem() throws Exception {
        try (Ingress nowhere = Ingress.start(0, spec -> "http://127.0.0.1:1")) {
            HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(
                    URI.create(nowhere.baseUrl() + "/booking/x")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(502);
            assertThat(response.body()).contains("urn:problem-type:service-unavailable", "booking-service");
        }
    }

    @Test
    void docker_composes_nginx_routes_are_the_same_as_the_local_ingress() throws IOException {
        String nginx = Files.readString(Path.of("../ingress/nginx.conf"));
        Matcher location = Pattern.compile(
                "location (\\S+) \\{ set \\$upstream http://([a-z-]+):(\\d+); proxy_pass \\$upstream; }").matcher(nginx);
        Map<String, String> configured = new LinkedHashMap<>();
        while (location.find()) {
            ServiceSpec spec = ServiceSpec.valueOf(location.group(2).replace("-service", "").toUpperCase());
            assertThat(Integer.parseInt(location.group(3))).isEqualTo(spec.localPort());
            configured.put(location.group(1), spec.name());
        }
        Map<String, String> expected = new LinkedHashMap<>();
        Routes.ALL.forEach(r -> expected.put(r.prefix(), r.service().name()));
        assertThat(configured).isEqualTo(expected);
        assertThat(nginx).as("the services see the public host").contains("proxy_set_header X-Forwarded-Host $http_host;");
        assertThat(nginx).as("and the caller's address, not the one it claims")
                .contains("proxy_set_header X-Forwarded-For $remote_addr;");
    }
}
