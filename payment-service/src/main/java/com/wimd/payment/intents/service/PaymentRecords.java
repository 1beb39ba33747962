package com.wimd.payment.intents.service;

import com.wimd.support.db.Db;
import com.wimd.payment.gateway.GatewayIntent;
import com.wimd.payment.intents.persistence.PaymentStatus;
import com.wimd.payment.pricing.domain.Product;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

/** Our record of each intent. */
@ApplicationScoped
public class PaymentRecords {

    private final Clock clock;

    public PaymentRecords(Clock clock) {
        this.clock = clock;
    }

    /**
     * In the caller's transaction: the payments row of an intent, created from what the gateway says if we have
     * none (an intent created before this service stored it, or elsewhere). An intent that names no user or none
     * of our products (a late-cancellation fee, say) gets no row.
     */
    public Uni<Void> ensure(GatewayIntent intent) {
        Optional<Product> product = Product.parse(intent.product());
        if (intent.userId() == null || product.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Db.execute("""
                        insert into payments (id, payment_intent_id, user_id, product, amount_minor, currency, status,
                                              customer_id, payment_method_id, refunded_minor, created_at)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, 0, ?10) on conflict (payment_intent_id) do nothing""",
                UUID.randomUUID(), intent.id(), intent.userId(), product.get().name(), intent.amount().amountMinor(),
                intent.amount().currency(), PaymentStatus.of(intent.intentStatus()).name(), intent.customerId(),
                intent.paymentMethodId(), clock.instant()).replaceWithVoid();
    }
}
