package com.wimd.payment.pricing.domain;

import com.wimd.events.Money;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The coach's prices, per product and currency, in minor units. */
public record PriceList(Map<Product, Map<String, Long>> prices) {

    public PriceList {
        prices = Map.copyOf(prices);
    }

    public Optional<Money> price(Product product, String currency) {
        return Optional.ofNullable(prices.getOrDefault(product, Map.of()).get(currency))
                .map(amount -> new Money(amount, currency));
    }

    public Set<String> currencies(Product product) {
        return prices.getOrDefault(product, Map.of()).keySet();
    }

    /**
     * The currency a client is offered first: CAD for a Canadian phone number, USD otherwise.
     * Both +1 countries share a calling code, so the region (from the number's parse) decides, not the prefix.
     */
    public static String defaultCurrencyForRegion(String phoneRegion) {
        return "CA".equalsIgnoreCase(phoneRegion) ? "CAD" : "USD";
    }
}
