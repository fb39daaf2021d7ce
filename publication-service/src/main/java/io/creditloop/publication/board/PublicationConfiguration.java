package io.creditloop.publication.board;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Period;

/** The board's settings (see {@code application.yml}). */
@Configuration(proxyBeanMethods = false)
class PublicationConfiguration {

    private static final Logger log = LoggerFactory.getLogger(PublicationConfiguration.class);

    /** Only for a developer's machine and the tests: every deployment sets SUBJECT_KEY_SECRET. */
    private static final String DEVELOPMENT_SECRET = "creditloop-development-subject-key-secret";

    @Bean
    IdNumberKeys idNumberKeys(@Value("${creditloop.publication.subject-key-secret:}") String secret) {
        if (secret.isBlank()) {
            log.warn("SUBJECT_KEY_SECRET is not set: ID numbers are keyed with the development secret; set it in "
                    + "production");
            return new IdNumberKeys(DEVELOPMENT_SECRET);
        }
        return new IdNumberKeys(secret);
    }

    @Bean
    PublicWindow publicWindow(@Value("${creditloop.publication.announcement-period:P90D}") Period period) {
        return new PublicWindow(period);
    }
}
