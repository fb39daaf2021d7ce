package io.creditloop.identification.listing.web;

/** Bodies of the identification steps a department records (R4, R5, R10, R14). */
final class StepRequests {

    private StepRequests() {
    }

    /** R4: the date the prior notice (告知书) reached the person; today if omitted. */
    record Notice(String noticeDate) {
    }

    /** An objection received during publicity. */
    record Objection(String reason) {
    }

    /** The department's verification of the objection. */
    record Decision(Boolean upheld, String note) {
    }
}
