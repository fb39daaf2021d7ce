package io.creditloop.sanction.task;

/** An event on the answer path that is not an agency answer this build reads. */
public class NotAnAnswerException extends RuntimeException {

    public NotAnAnswerException(String type) {
        super("event type " + type + " is not an agency answer (agency.task.responded.v1, "
                + "agency.measure.implemented.v1 or agency.feedback.given.v1)");
    }
}
