package io.creditloop.repair.objection;

import java.util.UUID;

/** What an objector files (R10); validated at the edge. */
public record NewObjection(UUID listingId, String objectorName, String contact, String reason) {
}
