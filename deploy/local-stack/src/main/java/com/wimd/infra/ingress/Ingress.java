package com.wimd.infra.ingress;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.wimd.infra.ServiceSpec;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * The local run's one public origin: a small reverse proxy that sends each request to the service that owns
 * its path ({@link Routes}), body and headers untouched (Stripe signs the raw body). docker-compose uses
 * nginx with the same routes (deploy/ingress/nginx.conf).
 */
public final class Ingress implements AutoCloseable {

    /** Headers that belong to one hop, that the HTTP client sets itself, or that only we may set (forwarding). */
    private static final Set<String> HOP_HEADERS = Set.of("connection", "content-length", "expect", "host",
            "keep-alive", "proxy-connection", "transfer-encoding", "upgrade", "te", "trailer",
            "forwarded", "x-forwarded-host", "x-forwarded-proto", "x-forwarded-for");

    private final HttpServer server;
    private final ExecutorService workers;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1).build();
    private final Function<ServiceSpec, String> baseUrls;

    private Ingress(HttpServer server, ExecutorService workers, Function<ServiceSpec, String> baseUrls) {
        this.server = server;
        this.workers = workers;
        this.baseUrls = baseUrls;
    }

    /** Listens on 127.0.0.1:{@code port} (0: any free port) and proxies to the services' base URLs. */
    public static Ingress start(int port, Function<ServiceSpec, String> baseUrls) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 64);
            ExecutorService workers = Executors.newFixedThreadPool(16, r -> {
                Thread t = new Thread(r, "ingress");
                t.setDaemon(true);
                return t;
            });
            Ingress ingress = new Ingress(server, workers, baseUrls);
            server.createContext("/", ingress::proxy);
            server.setExecutor(workers);
            server.start();
            return ingress;
        } catch (IOException e) {
            throw new IllegalStateException("cannot listen on port " + port, e);
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    private void proxy(HttpExchange exchange) throws IOException {
        try (exchange) {
            URI uri = exchange.getRequestURI();
            ServiceSpec service = Routes.serviceFor(uri.getPath()).orElse(null);
            if (service == null) {
                notPublic(exchange);
                return;
            }
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrls.apply(service) + uri.getRawPath()
                            + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())))
                    .timeout(Duration.ofSeconds(60));
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            request.method(exchange.getRequestMethod(), body.length == 0
                    ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
            for (Map.Entry<String, List<String>> header : exchange.getRequestHeaders().entrySet()) {
                if (!HOP_HEADERS.contains(header.getKey().toLowerCase(Locale.ROOT))) {
                    header.getValue().forEach(v -> request.header(header.getKey(), v));
                }
            }
            // the caller's address, as this proxy saw it (a client's own X-Forwarded-For is dropped above): the
            // services count their per-address rate limits by it
            request.header("X-Forwarded-For", exchange.getRemoteAddress().getAddress().getHostAddress());
            // the services build absolute URLs (Location) from these: the host the client asked for, not theirs
            String host = exchange.getRequestHeaders().getFirst("Host");
            request.header("X-Forwarded-Host", host == null ? "127.0.0.1:" + port() : host);
            request.header("X-Forwarded-Proto", "http");
            HttpResponse<byte[]> response;
            try {
                response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (IOException e) {
                badGateway(exchange, service);
                return;
            }
            response.headers().map().forEach((name, values) -> {
                if (!HOP_HEADERS.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                    exchange.getResponseHeaders().put(name, values);
                }
            });
            byte[] answer = response.body();
            exchange.sendResponseHeaders(response.statusCode(), answer.length == 0 ? -1 : answer.length);
            if (answer.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(answer);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void notPublic(HttpExchange exchange) throws IOException {
        byte[] problem = "{\"type\":\"urn:problem-type:not-found\",\"title\":\"Not found\",\"status\":404}"
                .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/problem+json");
        exchange.sendResponseHeaders(404, problem.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(problem);
        }
    }

    private static void badGateway(HttpExchange exchange, ServiceSpec service) throws IOException {
        byte[] problem = ("{\"type\":\"urn:problem-type:service-unavailable\",\"title\":\"Service unavailable\","
                + "\"status\":502,\"detail\":\"" + service.module() + " did not answer\"}")
                .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/problem+json");
        exchange.sendResponseHeaders(502, problem.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(problem);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }
}
