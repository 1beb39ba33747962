package com.wimd.payment.gateway;

import com.wimd.events.Money;
import com.wimd.payment.pricing.domain.Product;

/** A PaymentIntent to create for a user's product, on the user's customer. */
public record NewIntent(Money amount, String customerId, String userId, Product product) {

    public static final String USER_ID = "user_id";
    public static final String PRODUCT = "product";
}
