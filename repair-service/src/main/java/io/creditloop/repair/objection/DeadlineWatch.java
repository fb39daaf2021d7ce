package io.creditloop.repair.objection;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * R10: looks for objections due today or overdue every {@code creditloop.repair.deadline-watch-interval}. Safe with
 * several instances: {@link ObjectionService#raiseDeadlineAlarms} raises each alarm once.
 */
@Component
@ConditionalOnProperty(name = "creditloop.repair.deadline-watch-enabled", havingValue = "true", matchIfMissing = true)
class DeadlineWatch {

    private final ObjectionService objections;

    DeadlineWatch(ObjectionService objections) {
        this.objections = objections;
    }

    @Scheduled(fixedDelayString = "${creditloop.repair.deadline-watch-interval:60s}", initialDelayString = "10s")
    void run() {
        objections.raiseDeadlineAlarms();
    }
}
