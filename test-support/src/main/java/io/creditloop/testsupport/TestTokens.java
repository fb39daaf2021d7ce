package io.creditloop.testsupport;

import io.creditloop.security.Caller;
import io.creditloop.security.TokenKeys;
import io.creditloop.security.Tokens;
import org.springframework.http.HttpHeaders;

import java.time.Duration;

/**
 * Tokens as the gateway forwards them to a service (audience {@link Tokens#SERVICES}), signed with the public
 * development key that a service without configured keys accepts. Every {@code @SpringBootTest}'s
 * {@code TestRestTemplate} sends {@link #internal()} unless the test sets its own {@code Authorization} header.
 */
public final class TestTokens {

    private static final Tokens TOKENS = new Tokens(TokenKeys.development());

    private TestTokens() {
    }

    public static String forCaller(Caller caller) {
        return TOKENS.mint(caller, Tokens.SERVICES, Duration.ofMinutes(10));
    }

    public static String department(String code) {
        return forCaller(Caller.department(code, code + "-system"));
    }

    public static String agency(String code) {
        return forCaller(Caller.agency(code, code + "-system"));
    }

    public static String agency(String code, String user) {
        return forCaller(Caller.agency(code, user));
    }

    public static String creditOffice() {
        return forCaller(Caller.creditOffice("credit-office-staff"));
    }

    public static String internal() {
        return forCaller(Caller.internal("test"));
    }

    /** Headers carrying {@code token}. */
    public static HttpHeaders headers(String token) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(token);
        return headers;
    }
}
