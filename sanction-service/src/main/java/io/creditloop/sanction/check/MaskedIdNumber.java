package io.creditloop.sanction.check;

/**
 * R16 / R7 (001 §10): an ID number as the credit check may show and keep it. Resident IDs (15 or 18 characters)
 * keep the first 6 and the last 4, shorter documents only the last 2, as identification-service shows them.
 */
public final class MaskedIdNumber {

    private MaskedIdNumber() {
    }

    public static String of(String id) {
        if (id == null || id.isBlank()) {
            return null;
        }
        String number = id.strip();
        if (number.length() >= 15) {
            return number.substring(0, 6) + "*".repeat(number.length() - 10) + number.substring(number.length() - 4);
        }
        return number.length() <= 2 ? "*".repeat(number.length())
                : "*".repeat(number.length() - 2) + number.substring(number.length() - 2);
    }
}
