package io.creditloop.sharing.subject;

import java.util.regex.Pattern;

/**
 * R16: the only forms in which sharing-service's inbound and register code shows a resident ID number — in responses,
 * problem details and logs: its first 6 and last 4 characters, the middle masked ({@code 420102********1234}).
 */
public final class Masking {

    private static final Pattern ID_NUMBER =
            Pattern.compile("(?<![0-9])([0-9]{6})[0-9]{5,8}([0-9]{3}[0-9Xx])(?![0-9A-Za-z])");

    private Masking() {
    }

    /** One ID number as it may be shown; {@code null} stays {@code null}; anything too short is masked entirely. */
    public static String idNumber(String idNumber) {
        if (idNumber == null) {
            return null;
        }
        String id = idNumber.strip();
        if (id.length() < 15) {
            return "*".repeat(id.length());
        }
        return id.substring(0, 6) + "********" + id.substring(id.length() - 4);
    }

    /** Free text (a name typed into the wrong column, a platform's message) with every ID number in it masked. */
    public static String text(String text) {
        return text == null ? null : ID_NUMBER.matcher(text).replaceAll("$1********$2");
    }
}
