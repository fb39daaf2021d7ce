package io.creditloop.sanction.task;

import java.time.LocalDate;
import java.util.Objects;

/** R8 (003 §18 自动提醒): a reminder to an agency that has not responded to its task. */
public record Reminder(Kind kind, LocalDate respondBy) {

    public enum Kind {
        /** today is the last working day to respond */
        DUE_TODAY,
        /** the last working day to respond has passed */
        OVERDUE
    }

    public Reminder {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(respondBy, "respondBy");
    }
}
