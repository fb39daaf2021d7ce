package io.creditloop.repair.objection.web;

import io.creditloop.repair.objection.OpinionOutcome;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Bodies of the verification steps (R10). {@code by} names the official who acts. */
final class StepRequests {

    private StepRequests() {
    }

    record Acceptance(@NotBlank @Size(max = 200) String by) {
    }

    record Opinion(@NotNull OpinionOutcome outcome, @NotBlank @Size(max = 4000) String opinion,
                   @NotBlank @Size(max = 200) String by) {
    }

    record Reply(@NotBlank @Size(max = 4000) String reply, @NotBlank @Size(max = 200) String by) {
    }

    record Review(@NotNull Boolean approved, @NotBlank @Size(max = 200) String by, @Size(max = 4000) String note) {
    }

    record AdministrativeReview(@NotBlank @Size(max = 4000) String outcome) {
    }
}
