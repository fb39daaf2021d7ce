package io.creditloop.repair.objection;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * R10: an objection (异议) against a listing, filed with the original provider, the recognising department
 * (000 §5(一)). Publication and measures continue while it is pending (000 §5(一); 003 §24).
 *
 * <p>The department must verify it within 7 working days. That deadline needs the working-day calendar (weekends,
 * statutory holidays, adjusted working weekends) that sharing-service owns; it is added with that calendar in a
 * later issue rather than approximated here.
 *
 * @param contact optional; how the department reaches the objector with its written reply
 */
public record Objection(UUID id, UUID listingId, String recognisingDepartment, String objectorName, String contact,
                        String reason, ObjectionStatus status, Instant filedAt) {

    public Objection {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(listingId, "listingId");
        Objects.requireNonNull(recognisingDepartment, "recognisingDepartment");
        Objects.requireNonNull(objectorName, "objectorName");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(filedAt, "filedAt");
    }
}
