package io.creditloop.repair.objection;

import java.time.Instant;
import java.util.UUID;

/** R11 (001 §22; 003 §24): the written apology and clarification for the subject of an erroneous listing. */
public record Apology(UUID id, UUID listingId, UUID objectionId, String department, String text, Instant issuedAt) {
}
