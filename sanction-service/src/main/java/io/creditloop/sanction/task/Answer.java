package io.creditloop.sanction.task;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/** R8: what an enforcing agency reports about its task; each answer claims the task reached one loop step. */
public sealed interface Answer {

    /** When the agency says the step happened. */
    Instant at();

    /** The loop step this answer reports. */
    TaskState reaches();

    /** 响应: the agency accepted the task. */
    record Responded(Instant at) implements Answer {
        public Responded {
            Objects.requireNonNull(at, "at");
        }

        @Override
        public TaskState reaches() {
            return TaskState.RESPONDED;
        }
    }

    /** 实施: the measure is being applied, e.g. in the business item named. */
    record Implemented(String businessItem, Instant at) implements Answer {
        public Implemented {
            Objects.requireNonNull(at, "at");
        }

        @Override
        public TaskState reaches() {
            return TaskState.IMPLEMENTED;
        }
    }

    /** 反馈: the result, with what the feedback forms carry; {@code amount} in yuan, if any. */
    record FedBack(String measureApplied, String businessItem, BigDecimal amount, String explanation,
                   Instant at) implements Answer {
        public FedBack {
            Objects.requireNonNull(at, "at");
        }

        @Override
        public TaskState reaches() {
            return TaskState.FED_BACK;
        }
    }
}
