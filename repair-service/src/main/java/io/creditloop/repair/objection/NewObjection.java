package io.creditloop.repair.objection;

import java.util.List;
import java.util.UUID;

/**
 * What an objector files (R10); validated at the edge.
 *
 * @param objectorKind null reads as the subject itself
 * @param evidence     references to documents (files are uploaded separately)
 */
public record NewObjection(UUID listingId, ObjectorKind objectorKind, String objectorName, String contact,
                           String reason, List<EvidenceReference> evidence) {

    public record EvidenceReference(String description, String reference) {
    }

    public NewObjection(UUID listingId, String objectorName, String contact, String reason) {
        this(listingId, null, objectorName, contact, reason, List.of());
    }
}
