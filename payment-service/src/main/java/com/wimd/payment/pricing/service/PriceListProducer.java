package com.wimd.payment.pricing.service;

import com.wimd.payment.pricing.domain.PriceList;
import com.wimd.payment.pricing.domain.PricingConfig;
import com.wimd.payment.pricing.domain.Product;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Singleton;
import jakarta.enterprise.inject.Produces;

import java.util.Map;
import java.util.stream.Collectors;

/** The coach's price list, read once from configuration. */
@ApplicationScoped
public class PriceListProducer {

    @Produces
    @Singleton // a record cannot be proxied
    PriceList priceList(PricingConfig config) {
        return new PriceList(config.prices().entrySet().stream().collect(Collectors.toMap(
                e -> Product.parse(e.getKey()).orElseThrow(() ->
                        new IllegalArgumentException("unknown product in payment.prices: " + e.getKey())),
                Map.Entry::getValue)));
    }
}
