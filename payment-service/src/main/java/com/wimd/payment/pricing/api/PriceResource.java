package com.wimd.payment.pricing.api;

import com.wimd.events.Money;
import com.wimd.payment.pricing.domain.PriceList;
import com.wimd.payment.pricing.domain.PricingConfig;
import com.wimd.payment.pricing.domain.Product;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.Comparator;
import java.util.List;

/** The prices the booking page shows before anyone signs in. */
@Path("/payments/prices")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
public class PriceResource {

    public record ProductPrices(String product, int sessions, List<Money> prices) {
    }

    private final PriceList priceList;
    private final int packageSessions;

    public PriceResource(PriceList priceList, PricingConfig config) {
        this.priceList = priceList;
        this.packageSessions = config.packageSessions();
    }

    @GET
    public List<ProductPrices> prices() {
        return java.util.Arrays.stream(Product.values()).map(product -> new ProductPrices(product.name().toLowerCase(),
                product == Product.PACKAGE ? packageSessions : 1,
                priceList.currencies(product).stream().sorted()
                        .map(c -> priceList.price(product, c).orElseThrow())
                        .sorted(Comparator.comparing(Money::currency)).toList())).toList();
    }
}
