package com.wimd.events;

/**
 * An event about money that is not a step of a booking's or a package's saga: an orphan payment given back, a
 * refund that failed. Its correlation id is what it concerns (a booking, a package, or a payment of its own).
 */
public sealed interface PaymentEvent extends EventPayload permits OrphanPaymentRefunded, RefundFailed, PaymentTotalsChanged {
}
