package com.wimd.payment.gateway.sandbox;

import com.wimd.events.Money;
import com.wimd.payment.gateway.ChargeOutcome;
import com.wimd.payment.gateway.GatewayException;
import com.wimd.payment.gateway.GatewayIntent;
import com.wimd.payment.gateway.GatewayRefund;
import com.wimd.payment.gateway.NewIntent;
import com.wimd.payment.gateway.OffSessionCharge;
import com.wimd.payment.gateway.PaymentGateway;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class SandboxFaultsTest {

    /** Counts the refunds that reached it; everything else is not called here. */
    static final class CountingGateway implements PaymentGateway {
        final AtomicInteger refunds = new AtomicInteger();

        public String mode() { return "sandbox"; }
        public String createCustomer(String userId, String email, String key) { return "cus_" + userId; }
        public GatewayIntent createIntent(NewIntent intent, String key) { throw new UnsupportedOperationException(); }
        public Optional<GatewayIntent> retrieveIntent(String id) { return Optional.empty(); }
        public GatewayRefund refund(String intent, Long amount, String key) {
            refunds.incrementAndGet();
            return new GatewayRefund("re_" + key, intent, new Money(amount, "CAD"), "succeeded");
        }
        public Optional<GatewayRefund> findRefund(String intent, String key) { return Optional.empty(); }
        public Optional<GatewayRefund> retrieveRefund(String id) { return Optional.empty(); }
        public ChargeOutcome chargeOffSession(OffSessionCharge charge, String key) { throw new UnsupportedOperationException(); }
        public Optional<ChargeOutcome> findCharge(String customer, Instant since, String key) { return Optional.empty(); }
        public Optional<Money> feeOf(String id) { return Optional.empty(); }
    }

    @Test
    void a_tenth_of_the_calls_fail_as_transient_half_of_them_after_the_money_moved() {
        CountingGateway sandbox = new CountingGateway();
        SandboxFaults faulty = new SandboxFaults(sandbox, 0.1, 42);
        int failed = 0;
        for (int i = 0; i < 10_000; i++) {
            try {
                faulty.refund("pi_1", 100L, "refund:" + i);
            } catch (GatewayException e) {
                assertThat(e.isTransient()).isTrue();
                failed++;
            }
        }
        assertThat(failed).isBetween(900, 1100);
        int movedAnyway = sandbox.refunds.get() - (10_000 - failed);
        assertThat(movedAnyway).as("failed after taking effect").isBetween(failed * 4 / 10, failed * 6 / 10);
    }

    @Test
    void a_clients_own_calls_never_fail() {
        SandboxFaults faulty = new SandboxFaults(new CountingGateway(), 1.0, 42);
        for (int i = 0; i < 100; i++) {
            assertThat(faulty.createCustomer("u" + i, null, "customer:u" + i)).isEqualTo("cus_u" + i);
        }
    }
}
