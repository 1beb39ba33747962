package com.wimd.payment.intents.api;

/**
 * @param product   single or package
 * @param currency  ISO 4217; optional: without it, CAD for a Canadian phone number, otherwise USD
 * @param userPhone optional, used only to choose the default currency
 */
public record CreateIntentRequest(String product, String currency, String userPhone) {
}
