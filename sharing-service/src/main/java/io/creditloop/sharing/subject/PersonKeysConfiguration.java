package io.creditloop.sharing.subject;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class PersonKeysConfiguration {

    private static final Logger log = LoggerFactory.getLogger(PersonKeysConfiguration.class);
    /** identification-service's development secret: with it, a developer's machine keys persons the same way. */
    static final String DEVELOPMENT_SECRET = "creditloop-development-only-subject-key";

    @Bean
    PersonKeys personKeys(@Value("${creditloop.sharing.subject-key-secret:}") String secret) {
        if (secret.isBlank()) {
            log.warn("SUBJECT_KEY_SECRET is not set: persons are keyed with the development secret; set it in "
                    + "production, the same as identification-service's");
            return new PersonKeys(DEVELOPMENT_SECRET);
        }
        return new PersonKeys(secret);
    }
}
