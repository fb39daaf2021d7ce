package io.creditloop.sharing.calendar;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.nio.file.Path;

@Configuration(proxyBeanMethods = false)
class CalendarConfiguration {

    private static final Logger log = LoggerFactory.getLogger(CalendarConfiguration.class);

    @Bean
    WorkingDayCalendar workingDayCalendar(@Value("${creditloop.calendar.extra-dir:}") String extraDir) {
        WorkingDayCalendar calendar = HolidayFiles.load(extraDir.isBlank() ? null : Path.of(extraDir));
        log.info("working-day calendar covers {}", calendar.years());
        return calendar;
    }
}
