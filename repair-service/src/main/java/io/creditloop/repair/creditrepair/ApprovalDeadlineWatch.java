package io.creditloop.repair.creditrepair;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * R12: looks for credit repairs whose opinion or review is overdue every
 * {@code creditloop.repair.deadline-watch-interval}. Safe with several instances:
 * {@link CreditRepairService#raiseDeadlineAlarms} raises each alarm once.
 */
@Component
@ConditionalOnProperty(name = "creditloop.repair.deadline-watch-enabled", havingValue = "true", matchIfMissing = true)
class ApprovalDeadlineWatch {

    private final CreditRepairService repairs;

    ApprovalDeadlineWatch(CreditRepairService repairs) {
        this.repairs = repairs;
    }

    @Scheduled(fixedDelayString = "${creditloop.repair.deadline-watch-interval:60s}", initialDelayString = "10s")
    void run() {
        repairs.raiseDeadlineAlarms();
    }
}
