package io.creditloop.security;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.Arrays;
import java.util.List;

/**
 * Token keys for every app; in a servlet service also the {@link RequestIdFilter} (request id in the logs), the
 * {@link CallerFilter}, the {@link Caller} argument and the 401/403 problems. Settings: {@code creditloop.security.signing-key} ({@code TOKEN_SIGNING_KEY}),
 * {@code creditloop.security.verification-keys} ({@code TOKEN_VERIFICATION_KEYS}),
 * {@code creditloop.security.open-paths} (comma-separated Ant patterns under {@code /api/} the public may use),
 * {@code creditloop.security.credit-office-paths} (patterns only the credit office may use).
 */
@AutoConfiguration
public class SecurityAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Tokens tokens(Environment env) {
        String signing = env.getProperty("creditloop.security.signing-key", env.getProperty("TOKEN_SIGNING_KEY", ""));
        String verification = env.getProperty("creditloop.security.verification-keys",
                env.getProperty("TOKEN_VERIFICATION_KEYS", ""));
        return new Tokens(TokenKeys.of(signing, verification));
    }

    /**
     * Issue 8, R16: in every service that stores events (the messaging module), ID numbers are encrypted at rest:
     * {@link PersonalDataCipher} from {@code PERSONAL_DATA_KEYS} / {@code PERSONAL_DATA_KEY_ID}, and the outbox's
     * (and sharing's forwards') events sealed field by field ({@code idNumber}).
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "io.creditloop.messaging.PayloadProtection")
    static class PersonalDataAtRest {

        @Bean
        @ConditionalOnMissingBean
        PersonalDataCipher personalDataCipher(Environment env) {
            return PersonalDataCipher.of(
                    env.getProperty("creditloop.security.personal-data-keys", env.getProperty("PERSONAL_DATA_KEYS", "")),
                    env.getProperty("creditloop.security.personal-data-key-id",
                            env.getProperty("PERSONAL_DATA_KEY_ID", "")));
        }

        @Bean
        @ConditionalOnMissingBean
        io.creditloop.messaging.PayloadProtection payloadProtection(PersonalDataCipher cipher) {
            return new io.creditloop.messaging.JsonFieldProtection(java.util.Set.of("idNumber"), cipher::encrypt,
                    cipher::decrypt);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnClass(name = "jakarta.servlet.Filter")
    @Import(CallerProblems.class)
    static class Servlet {

        @Bean
        FilterRegistrationBean<CallerFilter> callerFilter(Tokens tokens, Environment env) {
            FilterRegistrationBean<CallerFilter> registration = new FilterRegistrationBean<>(new CallerFilter(tokens,
                    patterns(env, "creditloop.security.open-paths"),
                    patterns(env, "creditloop.security.credit-office-paths")));
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
            registration.addUrlPatterns("/*");
            return registration;
        }

        /** Issue 9: a control character in a request parameter is a 400 before any service code reads it. */
        @Bean
        FilterRegistrationBean<ControlCharacters.Filter> controlCharacterFilter() {
            FilterRegistrationBean<ControlCharacters.Filter> registration =
                    new FilterRegistrationBean<>(new ControlCharacters.Filter());
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
            registration.addUrlPatterns("/*");
            return registration;
        }

        /** Issue 9: the text fields of multipart forms, once the service has parsed them. */
        @Bean
        WebMvcConfigurer controlCharacterMultipartFields() {
            return new WebMvcConfigurer() {
                @Override
                public void addInterceptors(org.springframework.web.servlet.config.annotation.InterceptorRegistry registry) {
                    registry.addInterceptor(new ControlCharacters.MultipartFields()).addPathPatterns("/api/**");
                }
            };
        }

        /** Issue 9: a control character in a JSON text is refused by Jackson (a 400), in every servlet service. */
        @Bean
        @org.springframework.boot.autoconfigure.condition.ConditionalOnClass(name =
                "org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer")
        org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer controlCharacterStrings() {
            return builder -> builder.deserializerByType(String.class, new ControlCharacters.Strings());
        }

        /** Before the caller is checked, so a refusal is logged with the request's id too. */
        @Bean
        FilterRegistrationBean<RequestIdFilter> requestIdFilter() {
            FilterRegistrationBean<RequestIdFilter> registration = new FilterRegistrationBean<>(new RequestIdFilter());
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
            registration.addUrlPatterns("/*");
            return registration;
        }

        @Bean
        WebMvcConfigurer callerArgument() {
            hideFromOpenApi();
            return new WebMvcConfigurer() {
                @Override
                public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                    resolvers.add(new CallerArgumentResolver());
                }
            };
        }

        private static List<String> patterns(Environment env, String property) {
            return Arrays.stream(env.getProperty(property, "").split(","))
                    .map(String::strip).filter(s -> !s.isEmpty()).toList();
        }

        /** The Caller comes from the token, not from the request: keep it out of the OpenAPI description. */
        private static void hideFromOpenApi() {
            try {
                Class<?> utils = Class.forName("org.springdoc.core.utils.SpringDocUtils");
                Object config = utils.getMethod("getConfig").invoke(null);
                utils.getMethod("addRequestWrapperToIgnore", Class[].class).invoke(config, (Object) new Class<?>[]{Caller.class});
            } catch (ReflectiveOperationException | LinkageError e) {
                // no springdoc in this app
            }
        }
    }
}
