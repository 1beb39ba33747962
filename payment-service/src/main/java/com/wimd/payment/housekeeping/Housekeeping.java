package com.wimd.payment.housekeeping;

import com.wimd.payment.refunds.service.Refunds;

import com.wimd.events.Money;
import com.wimd.payment.db.Db;
import com.wimd.support.work.BackgroundLoop;
import com.wimd.payment.gateway.GatewayException;
import com.wimd.payment.gateway.PaymentGateway;
import com.wimd.payment.intents.persistence.Payment;
import com.wimd.payment.intents.persistence.PaymentStatus;
import com.wimd.payment.verification.service.PaymentSteps;
import com.wimd.payment.webhook.service.StripeEvents;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Finishes what could not be finished at once: refunds left pending (a crash, the gateway down), requests whose
 * intent could not be looked up, fees not yet known when the payment succeeded.
 */
@ApplicationScoped
public class Housekeeping {

    private static final Logger LOG = Logger.getLogger(Housekeeping.class);
    private static final Duration GRACE = Duration.ofSeconds(10);

    private final Refunds refunds;
    private final PaymentSteps steps;
    private final PaymentGateway gateway;
    private final Duration interval;
    private BackgroundLoop loop;

    public Housekeeping(Refunds refunds, PaymentSteps steps, PaymentGateway gateway,
                        HousekeepingConfig config) {
        this.refunds = refunds;
        this.steps = steps;
        this.gateway = gateway;
        this.interval = config.interval();
    }

    void start(@Observes StartupEvent event) {
        loop = BackgroundLoop.start("payment-housekeeping", interval, () -> {
            runOnce();
            return false;
        }, LOG);
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        if (loop != null) {
            loop.stop();
        }
    }

    public void runOnce() {
        refunds.carryOutPendingOlderThan(GRACE);
        steps.verifyUnverified(GRACE);
        fillInFees();
    }

    private void fillInFees() {
        List<Payment> missing = Db.session(() -> Payment.<Payment>find("status = ?1 and feeMinor is null order by succeededAt",
                PaymentStatus.SUCCEEDED).page(0, 50).list());
        for (Payment payment : missing) {
            Optional<Money> fee;
            try {
                fee = gateway.feeOf(payment.paymentIntentId);
            } catch (GatewayException e) {
                continue;
            }
            UUID id = payment.id;
            fee.ifPresent(f -> Db.transaction(() -> Payment.<Payment>findById(id).invoke(p -> {
                if (p.feeMinor == null) {
                    StripeEvents.recordFee(p, f);
                }
            })));
        }
    }
}
