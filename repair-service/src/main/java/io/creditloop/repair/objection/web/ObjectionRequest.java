package io.creditloop.repair.objection.web;

import io.creditloop.repair.objection.NewObjection;
import io.creditloop.repair.objection.ObjectorKind;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;
import java.util.UUID;

/** Body of {@code POST /api/repair/objections}: who objects, why, and references to evidence (R10). */
record ObjectionRequest(
        @NotNull UUID listingId,
        ObjectorKind objectorKind,
        @NotBlank @Size(max = 200) String objectorName,
        @Size(max = 200) String contact,
        @NotBlank @Size(max = 4000) String reason,
        @Size(max = 50) List<@Valid EvidenceReference> evidence) {

    record EvidenceReference(@NotBlank @Size(max = 500) String description,
                             @NotBlank @Size(max = 1000) String reference) {
    }

    NewObjection toNewObjection() {
        return new NewObjection(listingId, objectorKind, objectorName, contact, reason,
                evidence == null ? List.of() : evidence.stream()
                        .map(e -> new NewObjection.EvidenceReference(e.description(), e.reference())).toList());
    }
}
