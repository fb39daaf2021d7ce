package io.creditloop.repair.objection;

import java.time.Instant;
import java.util.UUID;

/**
 * R11 (004 §7(二)): a red listing made in error: the benefits granted under it are to be recovered. The benefits
 * themselves are the sanction records of this listing (sanction-service); this record names the listing and says so.
 */
public record BenefitRecovery(UUID listingId, UUID objectionId, String listTypeCode, String department, String note,
                              Instant createdAt) {
}
