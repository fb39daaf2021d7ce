package io.creditloop.gateway.access;

import io.creditloop.security.Tokens;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * R16: department and agency systems get a token with the OAuth2 client-credentials grant (RFC 6749 §4.4, client
 * authenticated by HTTP Basic or by form fields); credit-office staff log in with their name and password. Both
 * answer with a bearer token for the gateway, valid {@code creditloop.gateway.token-ttl}.
 */
@RestController
class TokenController {

    private final ClientRegistry registry;
    private final Tokens tokens;
    private final AccessProperties properties;

    TokenController(ClientRegistry registry, Tokens tokens, AccessProperties properties) {
        this.registry = registry;
        this.tokens = tokens;
        this.properties = properties;
    }

    @PostMapping(path = "/oauth2/token", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    Mono<ResponseEntity<Map<String, Object>>> token(ServerWebExchange exchange,
                                                    @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false)
                                                    String authorization) {
        return exchange.getFormData().flatMap(form -> {
            if (!"client_credentials".equals(form.getFirst("grant_type"))) {
                return Mono.just(error(HttpStatus.BAD_REQUEST, "unsupported_grant_type"));
            }
            String[] basic = basic(authorization);
            String id = basic != null ? basic[0] : form.getFirst("client_id");
            String secret = basic != null ? basic[1] : form.getFirst("client_secret");
            return issue(id, secret, false);
        });
    }

    record Login(String username, String password) {
    }

    /** Credit-office staff (kind CREDIT_OFFICE in the same registry). */
    @PostMapping(path = "/auth/login", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<Map<String, Object>>> login(@RequestBody Login login) {
        return issue(login.username(), login.password(), true);
    }

    private Mono<ResponseEntity<Map<String, Object>>> issue(String id, String secret, boolean staffOnly) {
        return Mono.fromCallable(() -> {
            Optional<Client> client = registry.authenticate(id, secret);
            if (client.isEmpty() || (staffOnly && client.get().kind() != io.creditloop.security.Caller.Kind.CREDIT_OFFICE)) {
                return error(HttpStatus.UNAUTHORIZED, "invalid_client");
            }
            String token = tokens.mint(client.get().caller(), Tokens.GATEWAY, properties.tokenTtl());
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("access_token", token);
            body.put("token_type", "Bearer");
            body.put("expires_in", properties.tokenTtl().toSeconds());
            body.put("kind", client.get().kind().name());
            body.put("code", client.get().code());
            return ResponseEntity.ok().header(HttpHeaders.CACHE_CONTROL, "no-store").body(body);
        }).subscribeOn(Schedulers.boundedElastic());
    }

    private static ResponseEntity<Map<String, Object>> error(HttpStatus status, String error) {
        ResponseEntity.BodyBuilder builder = ResponseEntity.status(status).header(HttpHeaders.CACHE_CONTROL, "no-store");
        if (status == HttpStatus.UNAUTHORIZED) {
            builder.header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"creditloop\"");
        }
        return builder.body(Map.of("error", error));
    }

    private static String[] basic(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).strip()),
                    StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            if (colon < 0) {
                return null;
            }
            return new String[]{java.net.URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8),
                    java.net.URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8)};
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
