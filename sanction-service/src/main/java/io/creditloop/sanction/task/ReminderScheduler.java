package io.creditloop.sanction.task;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * R8 (003 §18 自动提醒): reminds agencies of tasks due today or overdue, every
 * {@code creditloop.sanction.reminder-interval}. Safe with several instances: {@link TaskService#remindDue} locks the
 * tasks it reminds and skips the ones another instance holds, and each reminder is recorded on its task.
 */
@Component
public class ReminderScheduler {

    private static final Logger log = LoggerFactory.getLogger(ReminderScheduler.class);
    static final int BATCH = 200;

    private final TaskService tasks;
    private final boolean enabled;

    ReminderScheduler(TaskService tasks, @Value("${creditloop.sanction.reminders-enabled:true}") boolean enabled) {
        this.tasks = tasks;
        this.enabled = enabled;
    }

    @Scheduled(fixedDelayString = "${creditloop.sanction.reminder-interval:5m}", initialDelayString = "30s")
    void scheduled() {
        if (enabled) {
            try {
                run();
            } catch (RuntimeException e) {
                // the next run tries again; nothing was half done, each batch is one transaction
                log.warn("reminder run failed: {}", e.toString());
            }
        }
    }

    /** One pass: every reminder due today, batch by batch. The schedule calls it, and so can tests and operators. */
    public int run() {
        int total = 0;
        int sent;
        do {
            sent = tasks.remindDue(tasks.today(), BATCH);
            total += sent;
        } while (sent == BATCH);
        if (total > 0) {
            log.info("reminders: {} sent", total);
        }
        return total;
    }
}
