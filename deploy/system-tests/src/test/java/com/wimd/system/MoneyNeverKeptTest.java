package com.wimd.system;

import com.wimd.infra.ServiceSpec;
import com.wimd.infra.test.TestTokens;
import io.restassured.response.Response;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * No money is kept by mistake, end to end with the payment sandbox: a payment that no booking could take is given
 * back after the grace period and its client told; a made-up payment releases its slot at once; a package payment
 * that failed can be paid again and buy the package.
 */
class MoneyNeverKeptTest {

    static final RunningSystem system = RunningSystem.get();

    record Someone(String subject, String token, String email) {
        static Someone named(String kind) {
            String subject = kind + "-" + UUID.randomUUID();
            return new Someone(subject, TestTokens.client(subject), subject + "@example.com");
        }
    }

    @Test
    void a_payment_for_a_slot_taken_meanwhile_is_refunded_after_the_grace_period_and_its_client_told_why() {
        ZonedDateTime slot = FreeBookingSagaTest.weekdayAt(5, 9, 0); // (free bookings here take the next hour as backup)
        Someone alice = Someone.named("slow-payer");
        String intent = PaidBookingSagaTest.paidIntent(alice.token(), "single", "CAD");
        Response bob = FreeBookingSagaTest.book(Someone.named("quick").token(), slot, "(416) 555-0171");
        assertThat(bob.statusCode()).as(bob.asString()).isEqualTo(202);

        Response refused = PaidBookingSagaTest.bookPaid(alice.token(), slot, "(416) 555-0172", intent);
        assertThat(refused.statusCode()).as(refused.asString()).isEqualTo(409);
        assertThat(refused.jsonPath().getString("type")).isEqualTo("urn:problem-type:slot-unavailable");

        // once its webhook has come (the sandbox sends it a moment after the card is confirmed) ...
        await().atMost(Duration.ofSeconds(60)).until(() -> system.count(ServiceSpec.PAYMENT,
                "select count(*) from payments where payment_intent_id = ? and status = 'SUCCEEDED'", intent) == 1);
        // ... an hour and a half later (the grace period is an hour)
        assertThat(system.update(ServiceSpec.PAYMENT, "update payments set succeeded_at = succeeded_at - interval '90 minutes' "
                + "where payment_intent_id = ? and succeeded_at is not null", intent)).isEqualTo(1);

        // housekeeping may be in a round that waits out a lost database answer (up to Db's 60 s) after the outage test
        try {
            await().atMost(Duration.ofSeconds(150)).until(() -> system.count(ServiceSpec.PAYMENT,
                    "select refunded_minor from payments where payment_intent_id = ?", intent) == 15000);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("the orphan payment was not refunded; payment-service's log:\n"
                    + system.logOf(ServiceSpec.PAYMENT) + "\nits threads:\n"
                    + system.services.get(ServiceSpec.PAYMENT).threadDump(), e);
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> FreeBookingSagaTest.emailsTo(alice.email()) == 1);
        Map<String, Object> line = PaidBookingSagaTest.adminPayments()
                .getMap("payments.find { it.payment_intent_id == '" + intent + "' }");
        assertThat(line).containsEntry("orphan", true).containsEntry("refund_status", "SUCCEEDED");
        await().atMost(Duration.ofSeconds(30)).until(() -> given().baseUri(system.url(ServiceSpec.NOTIFICATION))
                .auth().oauth2(alice.token()).get("/notifications").then().statusCode(200).extract().jsonPath()
                .getList("notifications.kind").contains("ORPHAN_PAYMENT_REFUNDED"));
    }

    @Test
    void a_made_up_payment_intent_is_refused_at_once_and_its_slot_released_before_the_hold_ends() {
        ZonedDateTime slot = FreeBookingSagaTest.weekdayAt(5, 14, 0);
        Someone mallory = Someone.named("hoarder");
        Response held = PaidBookingSagaTest.bookPaid(mallory.token(), slot, "(416) 555-0173",
                "pi_made_up_" + UUID.randomUUID().toString().replace("-", ""));
        assertThat(held.statusCode()).as(held.asString()).isEqualTo(202);
        String booking = held.jsonPath().getString("booking_id");

        PaidBookingSagaTest.awaitStatus(mallory.token(), booking, "FAILED");
        assertThat(given().baseUri(system.url(ServiceSpec.BOOKING)).auth().oauth2(mallory.token()).get("/booking/" + booking)
                .then().extract().jsonPath().getString("failure_reason"))
                .as("refused because payment-service found no such payment, not because the hold ran out")
                .contains("no such payment");
        Response next = FreeBookingSagaTest.book(Someone.named("honest").token(), slot, "(416) 555-0174");
        assertThat(next.statusCode()).as(next.asString()).isEqualTo(202);
    }

    @Test
    void a_package_payment_declined_then_paid_with_another_card_buys_the_package_with_the_same_intent() {
        Someone carol = Someone.named("retrier");
        String intent = PaidBookingSagaTest.newIntent(carol.token(), "package", "USD");
        PaidBookingSagaTest.payWithCard(carol.token(), intent, "4000000000000002").then().statusCode(402);
        PaidBookingSagaTest.Purchase declined = PaidBookingSagaTest.buyPackage(carol.token(), "USD", intent);
        assertThat(declined.status()).as(declined.body()).isEqualTo("FAILED");

        PaidBookingSagaTest.confirmWithTestCard(carol.token(), intent);
        PaidBookingSagaTest.Purchase bought = PaidBookingSagaTest.buyPackage(carol.token(), "USD", intent);

        assertThat(bought.status()).as(bought.body()).isEqualTo("ACTIVE");
        assertThat(bought.sessionsRemaining()).isEqualTo(3);
        assertThat(PaidBookingSagaTest.refundsFor(bought.packageId())).isZero();
        assertThat(system.count(ServiceSpec.PAYMENT, "select count(*) from refunds where payment_intent_id = ?", intent))
                .as("the money paid for the package; nothing goes back").isZero();
    }
}
