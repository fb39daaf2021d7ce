package io.creditloop.identification.intake;

import java.util.regex.Pattern;

/**
 * An exception as it may be logged: its stack kept, every ID-number-like run of digits in its messages masked.
 * A database error's detail can quote a whole row ("Failing row contains (…)"), and logs never hold an unmasked ID
 * number.
 */
final class MaskedException extends RuntimeException {

    private static final Pattern DIGITS = Pattern.compile("(\\d{6})\\d{5,8}(\\d{3}[\\dXx])");

    private MaskedException(String message, Throwable cause) {
        super(message, cause, false, true);
    }

    static MaskedException of(Throwable t) {
        return of(t, 0);
    }

    private static MaskedException of(Throwable t, int depth) {
        Throwable cause = t.getCause() == null || t.getCause() == t || depth > 8 ? null : of(t.getCause(), depth + 1);
        MaskedException masked = new MaskedException(t.getClass().getName() + ": " + mask(t.getMessage()), cause);
        masked.setStackTrace(t.getStackTrace());
        return masked;
    }

    static String mask(String text) {
        return text == null ? null : DIGITS.matcher(text).replaceAll("$1********$2");
    }
}
