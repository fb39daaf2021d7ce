package io.creditloop.sharing.inbound.web;

import io.creditloop.sharing.inbound.Submission;

/** Some records of a submission were refused (the others are stored): answered 400 with every problem. */
class RefusedRecordsException extends RuntimeException {

    final String platform;
    final Submission submission;
    final boolean file;

    RefusedRecordsException(String platform, Submission submission, boolean file) {
        super(submission.refused() + " record(s) refused", null, false, false);
        this.platform = platform;
        this.submission = submission;
        this.file = file;
    }
}
