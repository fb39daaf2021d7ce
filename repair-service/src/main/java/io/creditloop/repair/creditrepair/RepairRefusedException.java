package io.creditloop.repair.creditrepair;

import java.util.List;
import java.util.UUID;

/** R12: the listing cannot be repaired (now); the reasons say why, for the written answer to the applicant. */
public class RepairRefusedException extends RuntimeException {

    private final UUID listingId;
    private final List<String> reasons;

    public RepairRefusedException(UUID listingId, List<String> reasons) {
        super("listing " + listingId + " cannot be repaired: " + String.join("; ", reasons));
        this.listingId = listingId;
        this.reasons = List.copyOf(reasons);
    }

    public UUID listingId() {
        return listingId;
    }

    public List<String> reasons() {
        return reasons;
    }
}
