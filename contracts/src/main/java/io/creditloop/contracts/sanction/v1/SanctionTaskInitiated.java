package io.creditloop.contracts.sanction.v1;

import io.creditloop.contracts.listing.v1.ListType;
import io.creditloop.contracts.listing.v1.Subject;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * {@code sanction.task.initiated.v1} on {@code sanction.tasks.<agency>}: R8 initiate (发起) — the agency is asked
 * to apply one measure to one listed subject.
 * <p>
 * Added within v1, all optional (absent in events from before the measures catalog was versioned):
 *
 * @param measureVersion       the version of the measures-catalog entry the task was made under (R9)
 * @param scenarios            the business scenarios the measure applies in, e.g. {@code PUBLIC_BIDDING}
 * @param confirmationRequired whether the agency must confirm it applied the measure (implement and feedback)
 * @param respondBy            the last working day to respond (响应), inclusive; reminders follow after it
 */
public record SanctionTaskInitiated(UUID taskId, UUID listingId, long listingVersion, String agencyCode,
                                    String measureCode, String measure, String legalBasis, ListType listType,
                                    Subject subject, String reason, LocalDate validUntil, Instant initiatedAt,
                                    Integer measureVersion, List<String> scenarios, Boolean confirmationRequired,
                                    LocalDate respondBy) {

    /** Immutable, as every event's data is: a decoded event may be handed to several consumers. */
    public SanctionTaskInitiated {
        scenarios = scenarios == null ? null : List.copyOf(scenarios);
    }

    /** The v1 shape before the optional catalog and deadline fields. */
    public SanctionTaskInitiated(UUID taskId, UUID listingId, long listingVersion, String agencyCode,
                                 String measureCode, String measure, String legalBasis, ListType listType,
                                 Subject subject, String reason, LocalDate validUntil, Instant initiatedAt) {
        this(taskId, listingId, listingVersion, agencyCode, measureCode, measure, legalBasis, listType, subject,
                reason, validUntil, initiatedAt, null, null, null, null);
    }
}
