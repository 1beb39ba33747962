package com.wimd.infra;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The mail catcher as a server of its own: the container stand-in for Mailpit (deploy/containers/mail-catcher). It
 * takes SMTP on port 1025 and answers the part of Mailpit's HTTP API on port 8025 that a script or a person needs:
 * {@code GET /api/v1/messages} (the newest first: ID, From, To, Subject), {@code GET /api/v1/message/{ID}/raw} (the
 * message as sent) and {@code GET /livez}. Messages are kept in memory and written as {@code .eml} files to
 * {@code /data} (or the folder given as the first argument).
 */
public final class MailCatcherServer {

    private MailCatcherServer() {
    }

    public static void main(String[] args) throws IOException {
        Path folder = Path.of(args.length > 0 ? args[0] : "/data");
        MailCatcher catcher = MailCatcher.start("0.0.0.0", Integer.getInteger("smtp.port", 1025), folder);
        HttpServer http = HttpServer.create(new InetSocketAddress(Integer.getInteger("http.port", 8025)), 16);
        http.createContext("/livez", exchange -> answer(exchange, 200, "text/plain", "ok"));
        http.createContext("/api/v1/messages", exchange -> answer(exchange, 200, "application/json", list(catcher.received())));
        http.createContext("/api/v1/message/", exchange -> raw(exchange, catcher.received()));
        http.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            http.stop(0);
            catcher.close();
        }, "mail-catcher-stop"));
        System.out.println("mail catcher: SMTP on 1025, messages on http://0.0.0.0:8025/api/v1/messages");
    }

    /** Mailpit's message list, in its field names: the newest message first; IDs are 1, 2, 3... in arrival order. */
    static String list(MimeMessage[] received) {
        List<String> messages = new ArrayList<>();
        for (int i = received.length - 1; i >= 0; i--) {
            MimeMessage message = received[i];
            try {
                messages.add("{\"ID\":\"" + (i + 1) + "\",\"From\":" + address(message.getFrom())
                        + ",\"To\":[" + String.join(",", addresses(message.getAllRecipients())) + "]"
                        + ",\"Subject\":" + json(message.getSubject()) + "}");
            } catch (MessagingException e) {
                messages.add("{\"ID\":\"" + (i + 1) + "\",\"Error\":" + json(e.getMessage()) + "}");
            }
        }
        return "{\"total\":" + received.length + ",\"messages\":[" + String.join(",", messages) + "]}";
    }

    private static void raw(HttpExchange exchange, MimeMessage[] received) throws IOException {
        String[] parts = exchange.getRequestURI().getPath().split("/");
        // /api/v1/message/{ID}/raw
        if (parts.length == 6 && "raw".equals(parts[5]) && parts[4].matches("[1-9][0-9]{0,8}")
                && Integer.parseInt(parts[4]) <= received.length) {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            try {
                received[Integer.parseInt(parts[4]) - 1].writeTo(body);
            } catch (MessagingException e) {
                answer(exchange, 500, "text/plain", e.getMessage());
                return;
            }
            answer(exchange, 200, "message/rfc822", body.toString(StandardCharsets.UTF_8));
        } else {
            answer(exchange, 404, "text/plain", "no such message");
        }
    }

    private static String address(Address[] addresses) {
        List<String> all = addresses(addresses);
        return all.isEmpty() ? "null" : all.get(0);
    }

    private static List<String> addresses(Address[] addresses) {
        List<String> out = new ArrayList<>();
        if (addresses != null) {
            for (Address address : addresses) {
                String email = address instanceof InternetAddress internet ? internet.getAddress() : address.toString();
                String name = address instanceof InternetAddress internet && internet.getPersonal() != null ? internet.getPersonal() : "";
                out.add("{\"Name\":" + json(name) + ",\"Address\":" + json(email) + "}");
            }
        }
        return out;
    }

    static String json(String value) {
        if (value == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    private static void answer(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type + "; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
