package io.creditloop.repair.objection.web;

import io.creditloop.repair.objection.NewObjection;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.UUID;

/** Body of {@code POST /api/repair/objections}. */
record ObjectionRequest(
        @NotNull UUID listingId,
        @NotBlank @Size(max = 200) String objectorName,
        @Size(max = 200) String contact,
        @NotBlank @Size(max = 4000) String reason) {

    NewObjection toNewObjection() {
        return new NewObjection(listingId, objectorName, contact, reason);
    }
}
