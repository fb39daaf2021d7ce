package io.creditloop.testsupport;

import java.time.LocalDate;
import java.util.concurrent.ThreadLocalRandom;

/** Fresh, valid identifiers for tests, so tests never share a subject. */
public final class Identifiers {

    private static final String USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] USCC_WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    private static final int[] ID_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};

    private Identifiers() {
    }

    /** A Huangshi company's unified social credit code with a correct check character (GB 32100-2015). */
    public static String uscc() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        StringBuilder code = new StringBuilder("91420200");
        for (int i = 0; i < 9; i++) {
            code.append(USCC_ALPHABET.charAt(random.nextInt(USCC_ALPHABET.length())));
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += USCC_ALPHABET.indexOf(code.charAt(i)) * USCC_WEIGHTS[i];
        }
        int check = 31 - sum % 31;
        return code.append(USCC_ALPHABET.charAt(check == 31 ? 0 : check)).toString();
    }

    /** The same code with a wrong check character. */
    public static String usccWithWrongCheck() {
        String good = uscc();
        return good.substring(0, 17) + (good.charAt(17) == '0' ? '1' : '0');
    }

    /** A resident ID number (GB 11643-1999) with a real birth date and a correct MOD 11-2 check character. */
    public static String residentId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String body = "420102" + LocalDate.of(1960, 1, 1).plusDays(random.nextInt(15_000)).toString().replace("-", "")
                + String.format("%03d", random.nextInt(1000));
        return body + idCheckCharacter(body);
    }

    /** The MOD 11-2 check character (GB 11643-1999) of the first 17 digits of a resident ID number. */
    public static char idCheckCharacter(String first17Digits) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17Digits.charAt(i) - '0') * ID_WEIGHTS[i];
        }
        return "10X98765432".charAt(sum % 11);
    }
}
