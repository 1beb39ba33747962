package com.wimd.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.wimd.infra.ServiceSpec;
import com.wimd.infra.test.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.mail.internet.MimeMessage;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The fault run: over three hundred operations of every kind (free, paid and package bookings, package purchases,
 * early and late cancels, late reschedules, a blocked date with backups) while the Google Calendar fake fails 10 % of
 * calls (503, or an answer after the read timeout) and the sandbox gateway fails 10 % of the service's own calls to
 * it (half before, half after the money moved); each service is killed with SIGKILL once, with sagas in flight, and
 * started again; the broker restarts once. Then every saga ends within 60 s, reconciliation finds nothing, no money
 * moved twice, and each confirmed booking's client got exactly one confirmation email.
 * <p>
 * The sandbox is payment-service's own stand-in for Stripe (the Stripe adapter is tested through stripe-java against an
 * HTTP fake in payment-service); its faults are injected at the gateway port ({@code payment.sandbox.failure-rate}).
 * <p>
 * Part of the test command, and last of the system tests ({@link Order}): it restarts every service with faults on,
 * and no other test should run on the system it leaves. Alone: {@code -Pfault-run}.
 */
@org.junit.jupiter.api.Tag("fault-run")
@Order(Integer.MAX_VALUE)
class FaultRunTest {

    static final RunningSystem system = RunningSystem.get();
    static final Duration SETTLE = Duration.ofSeconds(60);
    static final String FAULTY_GATEWAY = "payment.sandbox.failure-rate";
    static final String CALENDAR_ATTEMPTS = "calendar.max-attempts";
    static final String PAYMENT_HOLD = "booking.payment-hold";
    /** How a booking's saga may end before any change: booked, or failed (with its money given back, if it was paid). */
    static final Set<String> MADE = Set.of("CONFIRMED", "FAILED", "REFUNDED");

    /** Every operation sent, by kind: the run's size. */
    static final Map<String, AtomicInteger> operations = new TreeMap<>();

    enum Kind { FREE, PAID, PACKAGE }

    /** One booking of the run and what it went through. */
    static final class Booking {
        final String token;
        final String id;
        final Kind kind;
        final String intent;
        ZonedDateTime backup;
        String change = "none"; // none, early-cancel, late-cancel, late-reschedule, blocked
        String settledAs; // after the bookings were made: one of MADE

        Booking(String token, String id, Kind kind, String intent) {
            this.token = token;
            this.id = id;
            this.kind = kind;
            this.intent = intent;
        }
    }

    /** What reconciliation listed before the run: what the tests before it left there (ResilienceTest's parked poison). */
    static Map<String, List<JsonNode>> reconciledBefore;

    @BeforeAll
    static void faultsOn() throws Exception {
        reconciledBefore = ResilienceTest.reconciliation();
        system.update(ServiceSpec.BOOKING, "update promo_codes set max_uses = 10000, uses_remaining = 10000 where code = 'WIMD25'");
        // the production number of calendar tries (the other system tests use two, to fail fast)
        system.restart(ServiceSpec.CALENDAR, Map.of(CALENDAR_ATTEMPTS, "4"));
        system.restart(ServiceSpec.PAYMENT, Map.of(FAULTY_GATEWAY, "0.1"));
        // the production hold of a paid booking's slot (the other system tests' eight seconds would fail every
        // paid booking whose payment service is down for a restart)
        system.restart(ServiceSpec.BOOKING, Map.of(PAYMENT_HOLD, "PT15M"));
        system.google.failRandomly(0.1, 20261207L);
    }

    /** The date the run blocks: unblocked after it, for the tests that follow (its moved bookings stay moved). */
    static LocalDate blockedDay;

    @AfterAll
    static void faultsOff() {
        if (blockedDay != null) {
            given().baseUri(system.url(ServiceSpec.BOOKING)).auth().oauth2(TestTokens.coach("coach"))
                    .delete("/booking/admin/block-date/" + blockedDay).then().statusCode(204);
        }
        system.google.failRandomly(0, 0);
        system.restart(ServiceSpec.PAYMENT, Map.of(FAULTY_GATEWAY, "0"));
        system.restart(ServiceSpec.CALENDAR, Map.of(CALENDAR_ATTEMPTS, "2"));
        system.restart(ServiceSpec.BOOKING, Map.of(PAYMENT_HOLD, "PT8S"));
    }

    static void counted(String operation) {
        synchronized (operations) {
            operations.computeIfAbsent(operation, k -> new AtomicInteger()).incrementAndGet();
        }
    }

    /**
     * The open slots the run may take, in time order: from the third day on (paid sessions need a day's notice) and
     * before the sixth week (ResilienceTest's), and never on a day the other system tests take their fixed slots on
     * ({@link FreeBookingSagaTest#weekdayAt(int, int, int)}: one weekday a week), so that whichever runs first, each
     * finds its slots open.
     */
    static List<ZonedDateTime> openSlots() {
        LocalDate today = LocalDate.now(FreeBookingSagaTest.TORONTO);
        Set<LocalDate> othersDays = java.util.stream.IntStream.rangeClosed(0, 20)
                .mapToObj(n -> FreeBookingSagaTest.weekdayAt(n, 9, 0).toLocalDate()).collect(Collectors.toSet());
        List<String> slots = given().baseUri(system.url(ServiceSpec.BOOKING))
                .queryParam("start_date", today.plusDays(3).toString()).queryParam("end_date", today.plusDays(41).toString())
                .get("/booking/availability").then().statusCode(200).extract().jsonPath().getList("available_slots.datetime");
        return slots.stream().map(s -> OffsetDateTime.parse(s).atZoneSameInstant(FreeBookingSagaTest.TORONTO))
                .filter(s -> !othersDays.contains(s.toLocalDate())).sorted().toList();
    }

    /** The run's requests, sixteen at a time. */
    static <T> List<T> atOnce(List<Callable<T>> calls) throws Exception {
        return AtOnce.call(16, calls);
    }

    static String accepted(Response response, String what) {
        assertThat(response.statusCode()).as(() -> what + ": " + response.asString()).isEqualTo(202);
        return response.jsonPath().getString("booking_id");
    }

    static Booking free(ZonedDateTime slot, ZonedDateTime backup) {
        String token = PaidBookingSagaTest.newClient("fault-free");
        Map<String, Object> body = new HashMap<>(Map.of("scheduled_datetime", slot.toOffsetDateTime().toString(),
                "user_phone", "(416) 555-0191", "promo_code", "WIMD25"));
        if (backup != null) {
            body.put("backup_datetime", backup.toOffsetDateTime().toString());
        }
        counted("free booking");
        Booking booking = new Booking(token, accepted(given().baseUri(system.url(ServiceSpec.BOOKING)).auth().oauth2(token)
                .contentType(ContentType.JSON).body(body).post("/booking/create-free"), "free booking"), Kind.FREE, null);
        booking.backup = backup;
        return booking;
    }

    static Booking paid(ZonedDateTime slot) {
        String token = PaidBookingSagaTest.newClient("fault-paid");
        String intent = PaidBookingSagaTest.paidIntent(token, "single", "CAD");
        counted("paid booking");
        return new Booking(token, accepted(PaidBookingSagaTest.bookPaid(token, slot, "(416) 555-0192", intent), "paid booking"),
                Kind.PAID, intent);
    }

    /** A client with a package bought by test card: its token and the package's id. */
    record Bought(String token, String packageId) {
    }

    static Bought aPackage() {
        String token = PaidBookingSagaTest.newClient("fault-package");
        counted("package purchase");
        return new Bought(token, PaidBookingSagaTest.boughtPackage(token, "USD"));
    }

    static Booking packageSession(Bought bought, ZonedDateTime slot) {
        counted("package booking");
        return new Booking(bought.token(), accepted(PaidBookingSagaTest.usePackage(bought.token(), bought.packageId(), slot,
                "(416) 555-0193"), "package booking"), Kind.PACKAGE, null);
    }

    static String status(Booking b) {
        return FreeBookingSagaTest.status(b.token, b.id);
    }

    /** Waits until every booking's status is one of those it may end as; on a timeout, explains one that did not. */
    static Map<String, String> awaitEnded(List<Booking> bookings, Duration within, Function<Booking, Set<String>> endsAs) {
        Map<String, String> last = new HashMap<>();
        try {
            await().atMost(within).pollInterval(Duration.ofSeconds(1)).until(() -> {
                boolean all = true;
                for (Booking b : bookings) {
                    String status = status(b);
                    last.put(b.id, status);
                    all &= endsAs.apply(b).contains(status);
                }
                return all;
            });
        } catch (ConditionTimeoutException e) {
            Booking stuck = bookings.stream().filter(b -> !endsAs.apply(b).contains(last.get(b.id))).findFirst().orElseThrow();
            throw new AssertionError("not ended: " + tally(bookings, last) + "\n" + system.trace(stuck.token, stuck.id), e);
        }
        return last;
    }

    static Map<String, Long> tally(List<Booking> bookings, Map<String, String> status) {
        return bookings.stream().collect(Collectors.groupingBy(b -> b.kind + " " + b.change + " " + status.get(b.id),
                TreeMap::new, Collectors.counting()));
    }

    /** A session that now starts within the day (the i-th such, half an hour apart, at a quarter past or to): a change is late. */
    static void startsWithinTheDay(Booking b, int i) {
        system.update(ServiceSpec.BOOKING, "update appointments set scheduled_at = date_trunc('hour', now()) "
                + "+ make_interval(mins => 75 + 30 * ?) where id = ?::uuid", i, b.id);
    }

    static long refundedAtTheSandbox(String intent) {
        return system.count(ServiceSpec.PAYMENT, "select coalesce(sum(amount_minor), 0) from sandbox_refunds where payment_intent_id = ?", intent);
    }

    /** How many cancels and reschedules have been sent so far. */
    static int changesSent() {
        synchronized (operations) {
            return java.util.stream.Stream.of("early cancel", "late cancel", "late reschedule")
                    .mapToInt(k -> operations.containsKey(k) ? operations.get(k).get() : 0).sum();
        }
    }

    /** How many calls the sandbox gateway failed on purpose so far (its log says each). */
    static long gatewayFailures() throws java.io.IOException {
        try (var lines = java.nio.file.Files.lines(system.services.get(ServiceSpec.PAYMENT).log())) {
            return lines.filter(line -> line.contains("the sandbox failed") || line.contains("the sandbox lost the answer")).count();
        }
    }

    static long feeCharges(Booking b, String step) {
        return system.count(ServiceSpec.PAYMENT, "select count(*) from sandbox_intents where idempotency_key = ? and status = 'succeeded'",
                "fee:" + b.id + ":" + step);
    }

    @Test
    void three_hundred_operations_through_faults_kills_and_a_broker_restart_end_with_every_saga_settled_and_money_moved_once()
            throws Exception {
        List<ZonedDateTime> open = new ArrayList<>(openSlots());
        // the day to block: the first with eight open slots a week or more ahead; nothing else of the run is put on it
        blockedDay = open.stream().map(ZonedDateTime::toLocalDate)
                .filter(d -> !d.isBefore(LocalDate.now(FreeBookingSagaTest.TORONTO).plusDays(7)))
                .collect(Collectors.groupingBy(d -> d, TreeMap::new, Collectors.counting()))
                .entrySet().stream().filter(e -> e.getValue() >= 8).findFirst().orElseThrow().getKey();
        List<ZonedDateTime> onBlockedDay = open.stream().filter(s -> s.toLocalDate().equals(blockedDay)).limit(8).toList();
        open.removeIf(s -> s.toLocalDate().equals(blockedDay));
        assertThat(open).as("open slots for the run").hasSizeGreaterThanOrEqualTo(250);
        java.util.Iterator<ZonedDateTime> slots = open.iterator();

        // 20 packages bought (60 sessions)
        List<Bought> packages = atOnce(java.util.stream.IntStream.range(0, 20)
                .<Callable<Bought>>mapToObj(i -> FaultRunTest::aPackage).toList());

        List<Booking> all = new ArrayList<>();
        for (int batch = 0; batch < 2; batch++) {
            List<Callable<Booking>> calls = new ArrayList<>();
            for (int i = 0; i < 46; i++) {
                ZonedDateTime slot = slots.next();
                if (batch == 1 && i < 8) {
                    ZonedDateTime backup = slots.next();
                    ZonedDateTime blocked = onBlockedDay.get(i);
                    calls.add(() -> free(blocked, backup));
                } else {
                    calls.add(() -> free(slot, null));
                }
            }
            for (int i = 0; i < 30; i++) {
                ZonedDateTime slot = slots.next();
                calls.add(() -> paid(slot));
            }
            for (int i = 0; i < 30; i++) {
                ZonedDateTime slot = slots.next();
                Bought bought = packages.get((batch * 30 + i) / 3);
                calls.add(() -> packageSession(bought, slot));
            }
            java.util.Collections.shuffle(calls, new java.util.Random(batch));
            all.addAll(atOnce(calls));
            // killed with sagas in flight, and started again: payment and calendar after the first batch, the others after the second
            if (batch == 0) {
                system.killAndRestart(ServiceSpec.PAYMENT, Map.of());
                system.killAndRestart(ServiceSpec.CALENDAR, Map.of());
            } else {
                system.killAndRestart(ServiceSpec.NOTIFICATION, Map.of());
                system.killAndRestart(ServiceSpec.BOOKING, Map.of());
            }
        }
        Map<String, String> made = awaitEnded(all, Duration.ofSeconds(120), b -> MADE);
        all.forEach(b -> b.settledAs = made.get(b.id));
        System.out.println("the bookings made: " + tally(all, made));

        // the changes, on confirmed bookings (the blocked day's are kept for the block)
        Map<Kind, List<Booking>> confirmed = new HashMap<>();
        for (Booking b : all) {
            if ("CONFIRMED".equals(b.settledAs) && b.backup == null) {
                confirmed.computeIfAbsent(b.kind, k -> new ArrayList<>()).add(b);
            }
        }
        List<Callable<Response>> changes = new ArrayList<>();
        AtomicInteger late = new AtomicInteger();
        for (Kind kind : Kind.values()) {
            List<Booking> of = confirmed.getOrDefault(kind, List.of());
            int i = 0;
            for (; i < Math.min(8, of.size()); i++) {
                Booking b = of.get(i);
                b.change = "early-cancel";
                changes.add(() -> {
                    counted("early cancel");
                    return CancellationSagaTest.cancel(b.token, b.id);
                });
            }
            for (; i < Math.min(16, of.size()); i++) {
                Booking b = of.get(i);
                b.change = "late-cancel";
                startsWithinTheDay(b, late.getAndIncrement());
                changes.add(() -> {
                    counted("late cancel");
                    return CancellationSagaTest.cancel(b.token, b.id);
                });
            }
            for (; kind != Kind.FREE && i < Math.min(26, of.size()); i++) {
                Booking b = of.get(i);
                b.change = "late-reschedule";
                startsWithinTheDay(b, late.getAndIncrement());
                ZonedDateTime to = slots.next();
                changes.add(() -> {
                    counted("late reschedule");
                    return RescheduleSagaTest.reschedule(b.token, b.id, to);
                });
            }
        }
        Future<?> brokerRestart;
        ExecutorService restarter = Executors.newSingleThreadExecutor();
        try {
            brokerRestart = restarter.submit(() -> {
                // once the changes are on their way, the broker goes away for ten seconds, every service staying alive
                await().atMost(Duration.ofSeconds(30)).until(() -> changesSent() > 0);
                system.stopKafka();
                try {
                    ResilienceTest.everyServiceStaysAliveFor(Duration.ofSeconds(10));
                } finally {
                    system.startKafka();
                }
                return null;
            });
            List<Response> answers = atOnce(changes);
            for (Response answer : answers) {
                assertThat(answer.statusCode()).as(answer.asString()).isIn(200, 202);
            }
            brokerRestart.get();
        } finally {
            restarter.shutdown();
        }
        Response block = BlockDateSagaTest.block(blockedDay);
        counted("date block");
        assertThat(block.statusCode()).as(block.asString()).isEqualTo(200);
        all.stream().filter(b -> b.backup != null && "CONFIRMED".equals(b.settledAs)).forEach(b -> b.change = "blocked");

        int sent = operations.values().stream().mapToInt(AtomicInteger::get).sum();
        System.out.println("operations: " + operations + ", " + sent + " in all; Google failed "
                + system.google.failuresInjected() + " calls on purpose, the gateway " + gatewayFailures());
        assertThat(sent).as("the run's operations").isGreaterThanOrEqualTo(300);

        // every saga ends within 60 s
        Map<String, String> ended = awaitEnded(all, SETTLE, b -> switch (b.change) {
            case "early-cancel", "late-cancel" -> Set.of("CANCELLED");
            case "late-reschedule", "blocked" -> Set.of("CONFIRMED");
            // a failed paid booking ends once its money is back; a failed free or package booking had none to give back
            default -> Set.of("CONFIRMED".equals(b.settledAs) ? "CONFIRMED" : b.kind == Kind.PAID ? "REFUNDED" : "FAILED");
        });
        System.out.println("the run ended: " + tally(all, ended));
        String ids = all.stream().map(b -> "'" + b.id + "'").collect(Collectors.joining(","));
        await().atMost(SETTLE).pollInterval(Duration.ofSeconds(1)).until(() -> system.count(ServiceSpec.BOOKING,
                "select count(*) from appointments where moving_to is not null and id in (" + ids + ")") == 0);
        for (Booking b : all) {
            if (b.change.equals("blocked")) {
                assertThat(system.count(ServiceSpec.BOOKING, "select count(*) from appointments where id = ?::uuid and scheduled_at = ?",
                        b.id, java.sql.Timestamp.from(b.backup.toInstant()))).as("moved to its backup: " + b.id).isEqualTo(1);
            }
        }
        ResilienceTest.awaitAllHealthy();
        ResilienceTest.assertNothingNewInReconciliation(reconciledBefore);

        // money moved once: what each paid session got back, one fee per late change
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            for (Booking b : all) {
                if (b.kind == Kind.PAID) {
                    long expected = switch (b.change) {
                        case "early-cancel" -> 15000;
                        case "late-cancel" -> 7500;
                        default -> "CONFIRMED".equals(b.settledAs) ? 0 : 15000;
                    };
                    assertThat(refundedAtTheSandbox(b.intent)).as("refunded of " + b.id + " (" + b.change + ")").isEqualTo(expected);
                }
                String feeStep = b.change.equals("late-reschedule") ? "reschedule-1"
                        : b.change.equals("late-cancel") && b.kind == Kind.PACKAGE ? "cancel" : null;
                assertThat(system.count(ServiceSpec.PAYMENT, "select count(*) from sandbox_intents where idempotency_key like ?",
                        "fee:" + b.id + ":%")).as("fees of " + b.id + " (" + b.kind + " " + b.change + ")").isEqualTo(feeStep == null ? 0 : 1);
                if (feeStep != null) {
                    assertThat(feeCharges(b, feeStep)).as("fee of " + b.id + " " + feeStep).isEqualTo(1);
                }
            }
        });
        assertThat(system.count(ServiceSpec.PAYMENT, "select count(*) from payments where refunded_minor > amount_minor")).isZero();

        // each confirmed booking's client got exactly one confirmation email; a failed booking none
        Map<String, Long> delivered = new HashMap<>();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(system.count(ServiceSpec.NOTIFICATION,
                "select count(*) from notification_log where template = 'booking-confirmed' and channel = 'EMAIL' and status <> 'SENT' "
                        + "and booking_id in (" + ids + ")"))
                .isZero());
        for (MimeMessage message : system.smtp.getReceivedMessages()) {
            String[] id = message.getHeader("X-Notification-Id");
            if (id != null) {
                delivered.merge(id[0], 1L, Long::sum);
            }
        }
        Map<String, Object> wrong = new LinkedHashMap<>();
        for (Booking b : all) {
            List<Map<String, Object>> rows = system.rows(ServiceSpec.NOTIFICATION, "select id::text as id, status, attempts "
                    + "from notification_log where booking_id = ?::uuid and template = 'booking-confirmed' and channel = 'EMAIL'", b.id);
            long expected = "CONFIRMED".equals(b.settledAs) ? 1 : 0;
            long emails = rows.stream().mapToLong(r -> delivered.getOrDefault((String) r.get("id"), 0L)).sum();
            long tries = rows.stream().mapToLong(r -> ((Number) r.get("attempts")).longValue()).sum();
            // SMTP has no idempotency key: an email comes twice only if a send was given up and tried again (at least once)
            if (rows.size() != expected || emails < expected || emails > Math.max(expected, tries)) {
                wrong.put(b.id, b.settledAs + ": " + rows + ", " + emails + " email(s)");
            }
        }
        assertThat(wrong).as("confirmations not exactly one per confirmed booking").isEmpty();
        System.out.println("emails received in all: " + Arrays.stream(system.smtp.getReceivedMessages()).count());
    }
}
