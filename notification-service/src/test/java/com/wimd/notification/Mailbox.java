package com.wimd.notification;

import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.awaitility.core.ConditionTimeoutException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** What the test SMTP server received, read the way a mail client would. */
public final class Mailbox {

    private Mailbox() {
    }

    /** Every message received so far with this address among its To recipients. */
    public static List<MimeMessage> to(String address) {
        return Arrays.stream(GreenMailTestResource.server().getReceivedMessages())
                .filter(m -> {
                    try {
                        return m.getRecipients(Message.RecipientType.TO) != null
                                && Arrays.stream(m.getRecipients(Message.RecipientType.TO))
                                .anyMatch(a -> a.toString().contains(address));
                    } catch (MessagingException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList();
    }

    /**
     * Waits until exactly {@code count} messages to this address have arrived. If they do not within 30 s, the failure
     * says what the service knows of them (their log rows: status, attempts, last error, next attempt) and what its
     * email threads were doing, so that a failure seen once in CI can be read without running it again.
     */
    public static List<MimeMessage> awaitCount(String address, int count) {
        return awaitCount(address, null, count);
    }

    /** As {@link #awaitCount(String, int)}, counting only the messages with this subject (null: any). */
    public static List<MimeMessage> awaitCount(String address, String subject, int count) {
        try {
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> to(address, subject).size() == count);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(count + " email(s) to " + address + (subject == null ? "" : " titled " + subject)
                    + " expected, " + to(address, subject).size() + " arrived.\n" + Database.state("recipient = ?", address), e);
        }
        return to(address, subject);
    }

    /** Every message received so far to this address with this subject (null: any). */
    public static List<MimeMessage> to(String address, String subject) {
        return to(address).stream().filter(m -> {
            try {
                return subject == null || subject.equals(m.getSubject());
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    /** The first part of this MIME type (e.g. text/plain), decoded. */
    public static String body(Part message, String mimeType) throws MessagingException, IOException {
        return part(message, p -> p.isMimeType(mimeType) && p.getFileName() == null)
                .map(Mailbox::text)
                .orElseThrow(() -> new AssertionError("no " + mimeType + " part"));
    }

    public static Optional<Part> attachment(Part message, String fileName) throws MessagingException, IOException {
        return part(message, p -> fileName.equals(p.getFileName()));
    }

    public static String text(Part part) {
        try (InputStream in = part.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException | MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private interface PartTest {
        boolean test(Part part) throws MessagingException;
    }

    private static Optional<Part> part(Part part, PartTest test) throws MessagingException, IOException {
        if (test.test(part)) {
            return Optional.of(part);
        }
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                Optional<Part> found = part(child, test);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }
}
