package com.wimd.payment.housekeeping;

import com.wimd.payment.Clients;
import com.wimd.payment.Database;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Housekeeping fills in the processing fees the webhooks could not tell (Stripe had no balance transaction yet), the
 * least recently asked first: a payment whose fee keeps failing goes to the back of the queue instead of stopping
 * the payments behind it.
 */
@QuarkusTest
class FeeFillInTest {

    static final Duration PATIENCE = Duration.ofSeconds(60);

    static long feesKnown(List<String> intents) {
        return Database.count("select count(*) from payments where payment_intent_id = any(?) and fee_minor is not null",
                (Object) intents.toArray(String[]::new));
    }

    @Test
    void a_fee_that_always_fails_to_be_recorded_goes_to_the_back_and_the_ten_behind_it_are_filled_in() {
        String user = "fees-" + UUID.randomUUID();
        List<String> intents = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            String intent = Clients.startPayment(user, "single", "CAD");
            Clients.pay(user, intent, Clients.VISA);
            intents.add(intent);
        }
        await().atMost(PATIENCE).until(() -> feesKnown(intents) == 11);
        String stuck = intents.get(0);
        List<String> behind = intents.subList(1, 11);

        // the fees are forgotten (as when the webhooks came first); recording the first, the oldest, always fails
        String trigger = "refuse_fee_" + UUID.randomUUID().toString().replace('-', '_');
        Database.update("create function " + trigger + "() returns trigger language plpgsql as $$ begin "
                + "raise exception 'recording this fee is broken'; end $$");
        Database.update("create trigger " + trigger + " before update on payments for each row when "
                + "(new.payment_intent_id = '" + stuck + "' and new.fee_minor is not null) execute function " + trigger + "()");
        try {
            Database.update("update payments set fee_minor = null, fee_currency = null, net_minor = null, fee_checked_at = null "
                    + "where payment_intent_id = any(?)", (Object) intents.toArray(String[]::new));
            Database.update("update payments set succeeded_at = succeeded_at - interval '1 minute' where payment_intent_id = ?", stuck);

            await().atMost(PATIENCE).until(() -> feesKnown(behind) == 10);
            assertThat(feesKnown(List.of(stuck))).isZero();
            assertThat(Database.value("select fee_checked_at from payments where payment_intent_id = ?", stuck))
                    .as("asked, and moved to the back").isNotNull();
        } finally {
            Database.update("drop trigger if exists " + trigger + " on payments");
            Database.update("drop function if exists " + trigger + "()");
        }
        await().atMost(PATIENCE).until(() -> feesKnown(List.of(stuck)) == 1);
    }
}
