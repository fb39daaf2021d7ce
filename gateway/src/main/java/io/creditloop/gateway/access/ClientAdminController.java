package io.creditloop.gateway.access;

import io.creditloop.security.Caller;
import io.creditloop.security.InvalidToken;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/** R16: the credit office registers, rotates and revokes the gateway's clients. Everyone else gets 401/403. */
@RestController
class ClientAdminController {

    private final ClientRegistry registry;
    private final ExternalTokens tokens;
    private final AccessProperties properties;

    ClientAdminController(ClientRegistry registry, ExternalTokens tokens, AccessProperties properties) {
        this.registry = registry;
        this.tokens = tokens;
        this.properties = properties;
    }

    record NewClient(String clientId, String kind, String code, String name) {
    }

    @GetMapping("/gateway/clients")
    Mono<ResponseEntity<Object>> list(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String auth) {
        return asCreditOffice(auth, () -> ResponseEntity.ok((Object) registry.all()));
    }

    /** 201 with the secret, shown this once. */
    @PostMapping("/gateway/clients")
    Mono<ResponseEntity<Object>> register(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String auth,
                                          @RequestBody NewClient request) {
        return asCreditOffice(auth, () -> {
            Caller.Kind kind;
            try {
                kind = Caller.Kind.valueOf(request.kind() == null ? "" : request.kind().strip());
                String secret = registry.register(request.clientId(), kind, request.code(), request.name());
                return ResponseEntity.status(HttpStatus.CREATED).header(HttpHeaders.CACHE_CONTROL, "no-store")
                        .body((Object) secretBody(request.clientId(), secret));
            } catch (IllegalArgumentException e) {
                return problem(HttpStatus.BAD_REQUEST, e.getMessage().startsWith("No enum")
                        ? "kind: DEPARTMENT, AGENCY or CREDIT_OFFICE" : e.getMessage());
            } catch (org.springframework.dao.DuplicateKeyException e) {
                return problem(HttpStatus.CONFLICT, "client " + request.clientId() + " exists");
            }
        });
    }

    /** A new secret; the old one keeps working for the grace period. */
    @PostMapping("/gateway/clients/{clientId}/rotation")
    Mono<ResponseEntity<Object>> rotate(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String auth,
                                        @PathVariable String clientId) {
        return asCreditOffice(auth, () -> {
            Optional<String> secret = registry.rotate(clientId, properties.rotationGrace());
            if (secret.isEmpty()) {
                return problem(HttpStatus.NOT_FOUND, "no active client " + clientId);
            }
            Map<String, Object> body = secretBody(clientId, secret.get());
            body.put("previousSecretValidFor", properties.rotationGrace().toString());
            return ResponseEntity.ok().header(HttpHeaders.CACHE_CONTROL, "no-store").body((Object) body);
        });
    }

    @DeleteMapping("/gateway/clients/{clientId}")
    Mono<ResponseEntity<Object>> revoke(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String auth,
                                        @PathVariable String clientId) {
        return asCreditOffice(auth, () -> {
            boolean revoked = registry.revoke(clientId);
            tokens.revoked(clientId);
            return revoked ? ResponseEntity.noContent().build()
                    : problem(HttpStatus.NOT_FOUND, "no active client " + clientId);
        });
    }

    private Mono<ResponseEntity<Object>> asCreditOffice(String authorization, Callable<ResponseEntity<Object>> action) {
        return Mono.fromCallable(() -> {
            Caller caller;
            try {
                caller = tokens.authenticate(authorization);
            } catch (InvalidToken e) {
                return ResponseEntity.status(HttpStatus.UNAUTHORIZED).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                        .body((Object) Map.of("title", "Unauthorized", "status", 401, "detail", e.getMessage()));
            }
            if (caller.kind() != Caller.Kind.CREDIT_OFFICE) {
                return problem(HttpStatus.FORBIDDEN, "only the credit office manages clients");
            }
            return action.call();
        }).subscribeOn(Schedulers.boundedElastic());
    }

    private static Map<String, Object> secretBody(String clientId, String secret) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("clientId", clientId);
        body.put("clientSecret", secret);
        return body;
    }

    private static ResponseEntity<Object> problem(HttpStatus status, String detail) {
        return ResponseEntity.status(status).body(Map.of("title", status.getReasonPhrase(), "status", status.value(),
                "detail", detail));
    }
}
