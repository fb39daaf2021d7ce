package io.creditloop.simulator.platform;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The push endpoint of a simulated upstream platform, in the shape sharing-service expects: 201 with an
 * acknowledgement, 200 with the same acknowledgement for a repeated Idempotency-Key, 422 with a reason for a refused
 * record, 503 while down.
 */
@RestController
@RequestMapping("/platforms/{platform}")
class PlatformController {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final SimulatedPlatforms platforms;
    private final Clock clock;

    PlatformController(SimulatedPlatforms platforms, Clock clock) {
        this.platforms = platforms;
        this.clock = clock;
    }

    @PostMapping("/records")
    CompletableFuture<ResponseEntity<Map<String, String>>> receive(
            @PathVariable String platform,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey,
            @RequestBody JsonNode record) {
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            return CompletableFuture.completedFuture(reason(HttpStatus.BAD_REQUEST, "Idempotency-Key header is required"));
        }
        if (!record.isObject()) {
            return CompletableFuture.completedFuture(reason(HttpStatus.BAD_REQUEST, "the record must be a JSON object"));
        }
        SimulatedPlatform target = platforms.get(platform);
        // answer late without holding a request thread: a slow platform, not a busy simulator
        return CompletableFuture.supplyAsync(() -> answer(target.receive(idempotencyKey, record, clock.instant())),
                CompletableFuture.delayedExecutor(target.behaviour().delayMillis(), TimeUnit.MILLISECONDS));
    }

    @GetMapping("/records")
    List<SimulatedPlatform.Received> received(@PathVariable String platform) {
        return platforms.get(platform).received();
    }

    @GetMapping("/behaviour")
    Behaviour behaviour(@PathVariable String platform) {
        return platforms.get(platform).behaviour();
    }

    @PutMapping("/behaviour")
    Behaviour behave(@PathVariable String platform, @RequestBody Behaviour behaviour) {
        return platforms.get(platform).behave(behaviour, clock.instant());
    }

    /** How many distinct records (Idempotency-Keys) were accepted, replayed, refused and answered 503. */
    @GetMapping("/stats")
    SimulatedPlatform.Stats stats(@PathVariable String platform) {
        return platforms.get(platform).stats();
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<Map<String, String>> invalid(IllegalArgumentException e) {
        return reason(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    private static ResponseEntity<Map<String, String>> answer(SimulatedPlatform.Outcome outcome) {
        switch (outcome.result()) {
            case ACCEPTED:
                return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("acknowledgement", outcome.acknowledgement()));
            case REPLAYED:
                return ResponseEntity.ok(Map.of("acknowledgement", outcome.acknowledgement()));
            case REJECTED:
                return reason(HttpStatus.UNPROCESSABLE_ENTITY, outcome.reason());
            default:
                return reason(HttpStatus.SERVICE_UNAVAILABLE, outcome.reason());
        }
    }

    private static ResponseEntity<Map<String, String>> reason(HttpStatus status, String reason) {
        return ResponseEntity.status(status).body(Map.of("reason", reason));
    }
}
