package io.creditloop.gateway.routing;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.loadbalancer.annotation.LoadBalancerClients;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplierBuilder;
import org.springframework.cloud.loadbalancer.support.LoadBalancerClientFactory;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Round robin over a service's instances ({@link ServiceInstances}). When a service has several, each is asked
 * {@code GET /actuator/health/readiness} every {@code GATEWAY_HEALTH_CHECK_INTERVAL} (5 s): an instance that does not
 * answer UP in time, or is shutting down, gets no new requests until it does again. Between a crash and the next
 * check, a GET or HEAD whose connection is refused is tried once more on another instance (the routes' {@code Retry}
 * filter, connection failures only); a POST, PUT, PATCH or DELETE is never replayed, it gets the 503 of
 * {@link ServiceUnavailable}. A service with one instance is not health-checked: its circuit breaker
 * ({@link ServiceBreakers}) already answers for it.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ServiceInstances.Settings.class)
@LoadBalancerClients(defaultConfiguration = ServiceBalancing.PerService.class)
class ServiceBalancing {

    /** Made once per service, in the balancer's own context for it (not component-scanned: no annotation). */
    static class PerService {

        @Bean
        ServiceInstanceListSupplier instanceList(ConfigurableApplicationContext context, ServiceInstances instances) {
            String service = context.getEnvironment().getProperty(LoadBalancerClientFactory.PROPERTY_NAME);
            ServiceInstanceListSupplierBuilder builder =
                    ServiceInstanceListSupplier.builder().withDiscoveryClient();
            return instances.several(service) ? builder.withHealthChecks().build(context) : builder.build(context);
        }
    }
}
