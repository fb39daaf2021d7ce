package io.creditloop.repair.supervision;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** R15 (001 §20; 004 §7(一)): a report of a red-listed subject's misconduct and the department's verification. */
public record SupervisionReport(UUID id, UUID listingId, String department, String reporterName,
                                String reporterContact, String misconduct, Status status, Instant reportedAt,
                                String finding, String verifiedBy, Instant verifiedAt, UUID decisionId) {

    public enum Status { REPORTED, KEPT, EXITED }

    public SupervisionReport {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(listingId, "listingId");
        Objects.requireNonNull(status, "status");
    }

    /** The department re-decides: keep the red listing, or exit it under {@code decision}. */
    public SupervisionReport verify(boolean exit, String finding, String by, Instant now, UUID decision) {
        if (status != Status.REPORTED) {
            throw new SupervisionStateException("report " + id + " was already verified: " + status);
        }
        return new SupervisionReport(id, listingId, department, reporterName, reporterContact, misconduct,
                exit ? Status.EXITED : Status.KEPT, reportedAt, finding, by, now,
                exit ? Objects.requireNonNull(decision) : null);
    }

    /** R15: the outcome as told to the reporter and to the subject. */
    public String notice(boolean toReporter) {
        String outcome = status == Status.EXITED ? "经核实，该主体已移出红名单 (R15: the red listing exits)"
                : "经核实，维持该主体的红名单认定 (R15: the red listing stays)";
        return (toReporter ? "您举报的红名单主体（名单编号 " : "关于您的红名单（名单编号 ") + listingId + "）的核查结果："
                + outcome + "。核查意见：" + finding;
    }
}
