package io.creditloop.contracts.sanction.v1;

import java.time.Instant;
import java.util.UUID;

/**
 * {@code sanction.task.already-lifted.v1} on {@code sanction.tasks.<agency>}: the agency answered a task that was
 * lifted before its answer came (R13: the listing exited or was corrected); the answer changed nothing and the
 * measure must not be applied.
 *
 * @param answerType the type of the answer that was refused, e.g. {@code agency.measure.implemented.v1}
 * @param answerId   the event id of that answer
 * @param reason     why the task was lifted, as the lift said
 */
public record SanctionTaskAlreadyLifted(UUID taskId, UUID listingId, String agencyCode, String measureCode,
                                        String answerType, String answerId, String reason, Instant liftedAt,
                                        Instant notedAt) {
}
