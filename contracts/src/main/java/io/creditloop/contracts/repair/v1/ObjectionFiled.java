package io.creditloop.contracts.repair.v1;

import java.time.Instant;
import java.util.UUID;

/** {@code repair.objection.filed.v1}: an objection (异议) against a listing was filed (R10). */
public record ObjectionFiled(UUID objectionId, UUID listingId, String recognisingDepartment, String objectorName,
                             String reason, Instant filedAt) {
}
