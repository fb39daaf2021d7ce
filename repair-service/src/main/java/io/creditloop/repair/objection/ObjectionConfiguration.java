package io.creditloop.repair.objection;

import io.creditloop.calendar.WorkingDayCalendar;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

@Configuration
@EnableScheduling
class ObjectionConfiguration {

    /** R10: 7 working days (000 §5(一)), per deployment. */
    @Bean
    VerificationDeadline verificationDeadline(WorkingDayCalendar calendar,
            @Value("${creditloop.repair.objection.verification-working-days:7}") int workingDays) {
        return new VerificationDeadline(calendar, workingDays);
    }
}
