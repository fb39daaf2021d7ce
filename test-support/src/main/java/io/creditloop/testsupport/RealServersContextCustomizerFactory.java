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
 * {@link TestServers} chose, so tests never configure Kafka or PostgreSQL themselves.
 */
public class RealServersContextCustomizerFactory implements ContextCustomizerFactory {

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
