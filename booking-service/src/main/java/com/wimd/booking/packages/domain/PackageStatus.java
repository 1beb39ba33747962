package com.wimd.booking.packages.domain;

public enum PackageStatus {
    /** Bought, waiting for payment-service to verify the payment; its sessions cannot be booked yet. */
    PENDING_PAYMENT,
    /** Paid: sessions can be booked one at a time. */
    ACTIVE,
    /** The payment did not verify: nothing to book. */
    FAILED
}
