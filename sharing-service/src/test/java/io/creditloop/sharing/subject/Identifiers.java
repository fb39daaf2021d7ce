package io.creditloop.sharing.subject;

import java.time.LocalDate;
import java.util.concurrent.ThreadLocalRandom;

/** Valid identifiers unique to each test. */
public final class Identifiers {

    private Identifiers() {
    }

    public static String uscc() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        StringBuilder code = new StringBuilder("91420200MA");
        for (int i = 0; i < 7; i++) {
            code.append(Uscc.ALPHABET.charAt(random.nextInt(Uscc.ALPHABET.length())));
        }
        return code.append(Uscc.checkCharacter(code.toString())).toString();
    }

    public static String idNumber() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String body = "420102" + LocalDate.of(1960, 1, 1).plusDays(random.nextInt(15_000)).toString().replace("-", "")
                + String.format("%03d", random.nextInt(1000));
        return body + IdNumber.checkCharacter(body);
    }

    /** The same number with a wrong check character. */
    public static String withWrongCheck(String id) {
        char check = id.charAt(id.length() - 1);
        return id.substring(0, id.length() - 1) + (check == '0' ? '1' : '0');
    }
}
