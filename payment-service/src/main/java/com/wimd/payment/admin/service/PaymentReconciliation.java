package com.wimd.payment.admin.service;

import com.wimd.payment.intents.persistence.PaymentStatus;
import com.wimd.payment.intents.persistence.Payment;
import com.wimd.payment.refunds.persistence.RefundRecord;
import com.wimd.support.db.Db;
import com.wimd.support.reconciliation.ReconciliationSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * payment-service's part of reconciliation: refunds the gateway refused (they need the coach), and the money it
 * holds (succeeded, not fully refunded, no refund under way) for the report to check against live bookings.
 */
@ApplicationScoped
public class PaymentReconciliation implements ReconciliationSource {

    public record FailedRefund(UUID correlationId, String kind, String paymentIntentId, long amountMinor,
                               String currency, String error) {
    }

    /** Money kept: {@code correlationId} is the booking or package it paid for, or null if it names none yet. */
    public record HeldPayment(String paymentIntentId, UUID correlationId, long amountMinor, long refundedMinor,
                              String currency, Instant succeededAt) {
    }

    @Override
    public Map<String, List<?>> problems() {
        List<RefundRecord> failed = Db.session(() -> RefundRecord.<RefundRecord>list("status = ?1 order by createdAt",
                RefundRecord.Status.FAILED));
        return Map.of("failed_refunds", failed.stream().map(r -> new FailedRefund(r.correlationId, r.kind.name(),
                r.paymentIntentId, r.amountMinor, r.currency, r.lastError)).toList());
    }

    @Override
    public Map<String, List<?>> facts() {
        List<Payment> succeeded = Db.session(() -> Payment.<Payment>list(
                "status = ?1 and refundedMinor < amountMinor order by succeededAt", PaymentStatus.SUCCEEDED));
        // being refunded, or refunded as decided: a late cancellation's refund gives back half, and the rest is its fee
        Set<String> refunding = Db.session(() -> RefundRecord.<RefundRecord>list("status in ?1",
                        List.of(RefundRecord.Status.REQUESTED, RefundRecord.Status.PENDING, RefundRecord.Status.SUCCEEDED)))
                .stream().map(r -> r.paymentIntentId).collect(Collectors.toSet());
        return Map.of("held_payments", succeeded.stream()
                .filter(p -> !refunding.contains(p.paymentIntentId))
                .map(p -> new HeldPayment(p.paymentIntentId, p.bookingId != null ? p.bookingId : p.packageId,
                        p.amountMinor, p.refundedMinor, p.currency, p.succeededAt))
                .toList());
    }
}
