package io.creditloop.testsupport;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

import java.util.List;

/**
 * Points every {@code @SpringBootTest} in a module that has test-support on its test classpath at the servers
 * {@link TestServers} chose, so tests never configure Kafka or PostgreSQL themselves. Sent outbox rows are kept
 * ({@link #KEPT_FOR_TESTS}) unless a test sets {@link #PUBLISHED_RETENTION}.
 */
public class RealServersContextCustomizerFactory implements ContextCustomizerFactory {

    /** The outbox's {@code MessagingProperties#publishedRetention}. */
    public static final String PUBLISHED_RETENTION = "creditloop.messaging.published-retention";
    /** What service ITs keep sent outbox rows for, unless a test sets the property itself. */
    public static final String KEPT_FOR_TESTS = "7d";

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass,
                                                     List<ContextConfigurationAttributes> configAttributes) {
        boolean bootTest = MergedAnnotations.from(testClass, MergedAnnotations.SearchStrategy.TYPE_HIERARCHY)
                .isPresent(SpringBootTest.class);
        return bootTest ? new RealServers() : null;
    }

    private static final class RealServers implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            TestServers servers = TestServers.get();
            TestPropertyValues.of(servers.database().asSpringProperties())
                    .and("spring.kafka.bootstrap-servers=" + servers.kafkaBootstrapServers())
                    .applyTo(context);
            boolean messaging = org.springframework.util.ClassUtils.isPresent("io.creditloop.messaging.EventCodec",
                    context.getClassLoader());
            if (messaging) {
                // issue 9: the services delete an outbox row once Kafka has it (published-retention 0s). Their ITs
                // read what a service emitted from its outbox rows, so here sent rows are kept, marked published, as a
                // deployment with a retention does; lowest precedence, so a test about the default sets 0s itself
                // (OutboxDeleteOnSendIT) and the suite's processes (system-tests) run with the default.
                context.getEnvironment().getPropertySources().addLast(new org.springframework.core.env.MapPropertySource(
                        "creditloopTestDefaults", java.util.Map.of(PUBLISHED_RETENTION, KEPT_FOR_TESTS)));
            }
            if (messaging && context instanceof org.springframework.beans.factory.support.BeanDefinitionRegistry registry) {
                // lazy: only the tests that autowire it make one
                org.springframework.beans.factory.support.RootBeanDefinition fixture =
                        new org.springframework.beans.factory.support.RootBeanDefinition(ListingEventsFixture.class);
                fixture.setAutowireMode(org.springframework.beans.factory.support.AbstractBeanDefinition.AUTOWIRE_CONSTRUCTOR);
                fixture.setLazyInit(true);
                registry.registerBeanDefinition("listingEventsFixture", fixture);
            }
            boolean security = org.springframework.util.ClassUtils.isPresent("io.creditloop.security.Tokens",
                    context.getClassLoader()) && org.springframework.util.ClassUtils.isPresent(
                    "org.springframework.web.client.RestTemplate", context.getClassLoader());
            if (security && context instanceof org.springframework.beans.factory.support.BeanDefinitionRegistry registry) {
                registry.registerBeanDefinition("defaultTestToken",
                        new org.springframework.beans.factory.support.RootBeanDefinition(DefaultTestToken.class));
            }
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof RealServers;
        }

        @Override
        public int hashCode() {
            return RealServers.class.hashCode();
        }
    }
}
