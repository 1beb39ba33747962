package com.wimd.events;

import java.util.UUID;

/** An event of one package purchase; the package id is its correlation id. */
public sealed interface PackageEvent extends EventPayload
        permits PackagePurchaseRequested, PackagePaymentSucceeded, PackagePaymentFailed, PackagePurchaseFailed {

    UUID packageId();

    @Override
    default UUID correlationId() {
        return packageId();
    }
}
