package io.creditloop.sharing.forward;

import io.creditloop.calendar.WorkingDayCalendar;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class SharingConfiguration {

    @Bean
    ForwardDeadline forwardDeadline(WorkingDayCalendar calendar) {
        return new ForwardDeadline(calendar);
    }
}
