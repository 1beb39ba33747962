package com.wimd.payment.intents.service;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import com.wimd.events.Money;
import com.wimd.support.db.Db;
import com.wimd.payment.gateway.GatewayIntent;
import com.wimd.payment.gateway.IdempotencyKeys;
import com.wimd.payment.gateway.NewIntent;
import com.wimd.payment.gateway.PaymentGateway;
import com.wimd.payment.intents.persistence.CustomerRecord;
import com.wimd.payment.pricing.domain.PriceList;
import com.wimd.payment.pricing.domain.PricingConfig;
import com.wimd.payment.pricing.domain.Product;
import com.wimd.support.problem.ProblemType;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.util.Locale;

/** Starts a payment: the user's Stripe customer (created once), a PaymentIntent at the listed price, our record of it. */
@ApplicationScoped
public class IntentService {

    public static final ProblemType INVALID_PHONE = new ProblemType("invalid-phone", 400, "The phone number is not valid");

    private final PaymentGateway gateway;
    private final PriceList prices;
    private final PricingConfig pricing;
    private final PaymentRecords payments;
    private final Clock clock;

    public IntentService(PaymentGateway gateway, PriceList prices, PricingConfig pricing, PaymentRecords payments, Clock clock) {
        this.gateway = gateway;
        this.prices = prices;
        this.pricing = pricing;
        this.payments = payments;
        this.clock = clock;
    }

    /** Who pays, from their token: the email and name tell them if their money must be given back unasked. */
    public record Payer(String userId, String email, String name) {
    }

    /** Blocking. {@code clientRequestId} makes a retried request answer the same intent. */
    public GatewayIntent create(Payer payer, String productName, String currencyCode, String phone, String clientRequestId) {
        Product product = Product.parse(productName).orElseThrow(() ->
                ProblemType.VALIDATION.at("product", "product must be single or package"));
        String currency = currencyCode == null || currencyCode.isBlank()
                ? PriceList.defaultCurrencyForRegion(regionOf(phone))
                : currencyCode.trim().toUpperCase(Locale.ROOT);
        Money price = prices.price(product, currency).orElseThrow(() ->
                ProblemType.VALIDATION.at("currency", "currency must be one of " + prices.currencies(product).stream().sorted().toList()));
        String customerId = customerOf(payer);
        GatewayIntent intent = gateway.createIntent(new NewIntent(price, customerId, payer.userId(), product),
                IdempotencyKeys.intent(payer.userId(), clientRequestId));
        Db.transaction(() -> payments.ensure(intent).chain(() -> Db.execute(
                "update payments set client_email = ?1, client_name = ?2 where payment_intent_id = ?3 and user_id = ?4",
                payer.email(), payer.name(), intent.id(), payer.userId())).replaceWithVoid());
        return intent;
    }

    /** The region of the client's phone (the default region when it has no country code); null without a phone. */
    private String regionOf(String phone) {
        if (phone == null || phone.isBlank()) {
            return null;
        }
        if (phone.length() > 40) {
            throw INVALID_PHONE.at("user_phone", "not a valid phone number");
        }
        PhoneNumberUtil util = PhoneNumberUtil.getInstance();
        try {
            Phonenumber.PhoneNumber number = util.parse(phone, pricing.defaultPhoneRegion());
            if (!util.isValidNumber(number)) {
                throw INVALID_PHONE.at("user_phone", "not a valid phone number");
            }
            return util.getRegionCodeForNumber(number);
        } catch (NumberParseException e) {
            throw INVALID_PHONE.at("user_phone", "not a valid phone number");
        }
    }

    /** One customer per user: created at the first purchase with a key derived from the user, then remembered. */
    private String customerOf(Payer payer) {
        CustomerRecord known = Db.session(() -> CustomerRecord.findById(payer.userId()));
        if (known != null) {
            return known.customerId;
        }
        String created = gateway.createCustomer(payer.userId(), payer.email(), IdempotencyKeys.customer(payer.userId()));
        return Db.transaction(() -> Db.execute(
                        "insert into customers (user_id, customer_id, created_at) values (?1, ?2, ?3) on conflict (user_id) do nothing",
                        payer.userId(), created, clock.instant())
                .chain(() -> CustomerRecord.<CustomerRecord>findById(payer.userId()))
                .map(row -> row.customerId));
    }
}
