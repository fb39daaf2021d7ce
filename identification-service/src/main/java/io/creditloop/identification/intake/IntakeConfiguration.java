package io.creditloop.identification.intake;

import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.web.servlet.MultipartProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.util.unit.DataSize;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IntakeProperties.class)
class IntakeConfiguration {

    IntakeConfiguration(IntakeProperties properties) {
        // POI's zip-bomb guards are JVM-wide; nothing else in this service reads OOXML
        ZipSecureFile.setMaxEntrySize(Math.min(properties.maxEntrySize().toBytes(), 0xFFFFFFFFL));
        ZipSecureFile.setMinInflateRatio(properties.minInflateRatio());
    }

    /**
     * Lets multipart requests carry an upload up to {@code creditloop.intake.max-file-size} (Spring's default is 1 MB)
     * without overriding a larger {@code spring.servlet.multipart.*} setting.
     */
    @Bean
    static BeanPostProcessor intakeMultipartLimits(Environment environment) {
        DataSize max = Binder.get(environment).bind("creditloop.intake.max-file-size", DataSize.class)
                .orElse(DataSize.ofMegabytes(200));
        DataSize request = DataSize.ofBytes(max.toBytes() + DataSize.ofMegabytes(1).toBytes());
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (bean instanceof MultipartProperties multipart) {
                    if (limited(multipart.getMaxFileSize(), request)) {
                        multipart.setMaxFileSize(request);
                    }
                    if (limited(multipart.getMaxRequestSize(), request)) {
                        multipart.setMaxRequestSize(request);
                    }
                }
                return bean;
            }
        };
    }

    private static boolean limited(DataSize configured, DataSize needed) {
        return configured != null && configured.toBytes() >= 0 && configured.toBytes() < needed.toBytes();
    }
}
