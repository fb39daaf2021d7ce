package io.creditloop.sharing.forward;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * R6: raises the at-risk and overdue alarms of pending forwards (events on {@code sharing.forward.events}, once per
 * forward and status, through the outbox). Safe on several instances: each batch locks its forwards with
 * {@code FOR UPDATE SKIP LOCKED} and marks them raised in the same transaction.
 */
@Component
class DeadlineWatch {

    private static final Logger log = LoggerFactory.getLogger(DeadlineWatch.class);
    private static final int BATCH = 500;

    private final ForwardService service;

    DeadlineWatch(ForwardService service) {
        this.service = service;
    }

    @Scheduled(fixedDelayString = "${creditloop.sharing.deadline-watch-interval:60s}",
            initialDelayString = "${creditloop.sharing.deadline-watch-initial-delay:5s}")
    void watch() {
        try {
            int raised;
            do {
                raised = service.raiseDeadlineAlarms(BATCH);
            } while (raised == BATCH);
        } catch (RuntimeException e) {
            log.error("deadline watch failed, will run again: {}", e.toString());
        }
    }
}
