package io.creditloop.sanction.watch;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class SubjectKeysConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SubjectKeysConfiguration.class);
    /** identification-service's development secret: without a configured secret both key persons alike. */
    static final String DEVELOPMENT_SECRET = "creditloop-development-only-subject-key";

    @Bean
    SubjectKeys subjectKeys(@Value("${creditloop.sanction.subject-key-secret:}") String secret) {
        if (secret.isBlank()) {
            log.warn("SUBJECT_KEY_SECRET is not set: watch-list persons are keyed with the development secret; set "
                    + "it in production, the same value as identification-service's");
            return new SubjectKeys(DEVELOPMENT_SECRET);
        }
        return new SubjectKeys(secret);
    }
}
