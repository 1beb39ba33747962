package com.wimd.notification.sms;

/**
 * How many SMS segments a text costs, as a carrier counts them. A text written only in the GSM 03.38 alphabet
 * (GSM-7) fits 160 characters in one segment, 153 per segment once split (the rest of each carries the joining
 * header); characters of the alphabet's extension table ({@code ^ { } [ ] ~ \ | €} and form feed) count twice. Any
 * other character sends the whole text as UCS-2: 70 UTF-16 units in one segment, 67 per segment once split. Pure.
 */
public final class SmsSegments {

    /** The most segments one of our texts may take (a test holds every text to it). */
    public static final int MOST = 2;

    private static final String GSM7_BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private static final String GSM7_EXTENSION = "\f^{}\\[~]|€";

    private SmsSegments() {
    }

    /** The segments {@code text} takes: 1 for an empty text, as a carrier still sends one. */
    public static int count(String text) {
        int septets = gsm7Septets(text);
        if (septets >= 0) {
            return septets <= 160 ? 1 : ceilDiv(septets, 153);
        }
        int units = text.length(); // UTF-16 code units: a character outside the BMP takes two, as in UCS-2/UTF-16
        return units <= 70 ? 1 : ceilDiv(units, 67);
    }

    /** Whether the text can be sent in GSM-7. */
    public static boolean isGsm7(String text) {
        return gsm7Septets(text) >= 0;
    }

    /** The septets the text takes in GSM-7, or -1 if it has a character GSM-7 cannot carry. */
    private static int gsm7Septets(String text) {
        int septets = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (GSM7_BASIC.indexOf(c) >= 0) {
                septets += 1;
            } else if (GSM7_EXTENSION.indexOf(c) >= 0) {
                septets += 2;
            } else {
                return -1;
            }
        }
        return septets;
    }

    private static int ceilDiv(int a, int b) {
        return Math.max(1, (a + b - 1) / b);
    }
}
