package io.creditloop.repair.creditrepair;

import java.time.Instant;
import java.util.UUID;

/**
 * R12 (004 §8(三)5, annex 2 forms 5-6): evidence for a repair: obligations fulfilled, rectification, repair training
 * attended, a public credit commitment, or other, each as a reference (certificate number, document, registry entry).
 */
public record RepairEvidence(UUID id, Kind kind, String description, String reference, Instant addedAt) {

    public enum Kind { OBLIGATIONS_FULFILLED, RECTIFICATION, TRAINING, CREDIT_COMMITMENT, OTHER }
}
