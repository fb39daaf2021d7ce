package io.creditloop.sanction.task;

import java.util.UUID;

/** An answer or a query names a task this service never initiated. */
public class UnknownTaskException extends RuntimeException {

    public UnknownTaskException(UUID taskId) {
        super("no sanction task " + taskId);
    }
}
