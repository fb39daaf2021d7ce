package io.creditloop.calendar;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

import java.nio.file.Path;

/**
 * The deployment's working-day calendar: the holiday files shipped in the jar plus any {@code <year>.json} in
 * {@code creditloop.calendar.extra-dir} ({@code CALENDAR_DIR}), so next year's arrangement, published each
 * November, is added without a rebuild.
 */
@AutoConfiguration
public class CalendarAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(CalendarAutoConfiguration.class);

    @Bean
    @ConditionalOnMissingBean
    WorkingDayCalendar workingDayCalendar(@Value("${creditloop.calendar.extra-dir:${CALENDAR_DIR:}}") String extraDir) {
        WorkingDayCalendar calendar = HolidayFiles.load(extraDir.isBlank() ? null : Path.of(extraDir));
        log.info("working-day calendar covers {}", calendar.years());
        return calendar;
    }
}
