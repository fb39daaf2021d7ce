package io.creditloop.gateway.routing;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.cloud.client.DefaultServiceInstance;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.discovery.ReactiveDiscoveryClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where each service runs (SCALE-OUT F6): {@code creditloop.gateway.instances.<service>-service}, a comma-separated
 * list of base URLs ({@code SANCTION_URLS=http://a:8083,http://b:8083}); without it the one {@code SANCTION_URL}
 * (default 127.0.0.1 and the service's port) is the only instance. The routes name the services ({@code
 * lb://sanction-service}) and Spring Cloud LoadBalancer picks one of these instances per request
 * ({@link ServiceBalancing}). A static list, read at start-up: a simple discovery client, no registry.
 */
@Component
class ServiceInstances implements ReactiveDiscoveryClient {

    private final Map<String, List<ServiceInstance>> instances = new LinkedHashMap<>();

    ServiceInstances(Settings settings) {
        settings.instances().forEach((service, urls) -> {
            List<ServiceInstance> list = new ArrayList<>();
            for (String url : urls) {
                if (url.isBlank()) {
                    continue;
                }
                URI uri = URI.create(url.strip());
                if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                    throw new IllegalArgumentException("instance of " + service + " is not an http(s) URL: " + url);
                }
                boolean secure = "https".equals(uri.getScheme());
                int port = uri.getPort() > 0 ? uri.getPort() : secure ? 443 : 80;
                list.add(new DefaultServiceInstance(service + "-" + (list.size() + 1), service, uri.getHost(), port,
                        secure));
            }
            if (list.isEmpty()) {
                throw new IllegalArgumentException("no instance given for " + service);
            }
            instances.put(service, List.copyOf(list));
        });
    }

    /** {@code creditloop.gateway.instances}: service name → its base URLs. */
    @ConfigurationProperties("creditloop.gateway")
    record Settings(Map<String, List<String>> instances) {
        Settings {
            instances = instances == null ? Map.of() : instances;
        }
    }

    /** More than one instance: the balancer health-checks them; one alone is left to the circuit breaker. */
    boolean several(String service) {
        return instances.getOrDefault(service, List.of()).size() > 1;
    }

    @Override
    public String description() {
        return "the instances of each service, from creditloop.gateway.instances (<SERVICE>_URLS or <SERVICE>_URL)";
    }

    @Override
    public Flux<ServiceInstance> getInstances(String serviceId) {
        return Flux.fromIterable(instances.getOrDefault(serviceId, List.of()));
    }

    @Override
    public Flux<String> getServices() {
        return Flux.fromIterable(instances.keySet());
    }
}
