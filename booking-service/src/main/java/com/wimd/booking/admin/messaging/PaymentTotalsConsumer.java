package com.wimd.booking.admin.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.wimd.booking.admin.persistence.MonthTotals;
import com.wimd.events.EventEnvelope;
import com.wimd.events.PaymentTotalsChanged;
import com.wimd.support.inbox.IdempotentConsumer;
import com.wimd.support.messaging.EventConsumers;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.util.concurrent.CompletionStage;

/**
 * Keeps payment-service's monthly money figures for the coach's overview. A month's event carries its whole figures,
 * so applying it is a replace; figures older than those kept are ignored.
 */
@ApplicationScoped
public class PaymentTotalsConsumer {

    static final String CONSUMER = "booking-service";

    private final EventConsumers events;
    private final IdempotentConsumer consumer;
    private final ObjectMapper json;

    public PaymentTotalsConsumer(EventConsumers events, IdempotentConsumer consumer, ObjectMapper json) {
        this.events = events;
        this.consumer = consumer;
        this.json = json;
    }

    @Incoming("payment-totals-changed")
    public CompletionStage<Void> onTotalsChanged(Message<String> message) {
        return events.consume(message, PaymentTotalsChanged.class, event -> consumer.handleOnce(event, CONSUMER, this::apply));
    }

    Uni<Void> apply(EventEnvelope<PaymentTotalsChanged> event) {
        PaymentTotalsChanged changed = event.payload();
        return MonthTotals.<MonthTotals>findById(changed.month()).chain(row -> {
            if (row != null && row.asOf.isAfter(changed.asOf())) {
                return Uni.createFrom().voidItem();
            }
            MonthTotals month = row == null ? new MonthTotals() : row;
            month.month = changed.month();
            month.zone = changed.zone();
            month.totals = encode(changed);
            month.asOf = changed.asOf();
            return row == null ? month.persist().replaceWithVoid() : Uni.createFrom().voidItem();
        });
    }

    private String encode(PaymentTotalsChanged changed) {
        try {
            return json.writeValueAsString(changed.totals());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode the totals of " + changed.month(), e);
        }
    }
}
