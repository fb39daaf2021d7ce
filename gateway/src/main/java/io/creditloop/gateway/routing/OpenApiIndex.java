package io.creditloop.gateway.routing;

import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The suite's OpenAPI in one place: {@code GET /openapi} lists every service's description, each served by the
 * gateway at {@code /openapi/<service>} (routes {@code openapi-<service>}), in the {@code urls} form Swagger UI and
 * other tools read.
 */
@RestController
class OpenApiIndex {

    private static final String PREFIX = "openapi-";
    private final RouteLocator routes;

    OpenApiIndex(RouteLocator routes) {
        this.routes = routes;
    }

    record Entry(String name, String url) {
    }

    @GetMapping("/openapi")
    Mono<Map<String, List<Entry>>> index() {
        return routes.getRoutes().map(Route::getId).filter(id -> id.startsWith(PREFIX))
                .map(id -> id.substring(PREFIX.length()))
                .map(name -> new Entry(name, "/openapi/" + name))
                .sort(Comparator.comparing(Entry::name))
                .collectList().map(urls -> Map.of("urls", urls));
    }
}
