package io.creditloop.sanction.task;

import java.util.UUID;

/** An agency answered a task of another agency; each agency may only answer its own tasks. */
public class ForeignTaskException extends RuntimeException {

    public ForeignTaskException(UUID taskId, String answeringAgency, String taskAgency) {
        super("agency " + answeringAgency + " may not answer task " + taskId + " of agency " + taskAgency);
    }
}
