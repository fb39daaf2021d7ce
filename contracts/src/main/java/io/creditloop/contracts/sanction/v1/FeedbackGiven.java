package io.creditloop.contracts.sanction.v1;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * {@code agency.feedback.given.v1} on {@code sanction.responses.<agency>}: R8 feedback (反馈), with what real
 * feedback forms carry.
 *
 * @param amount amount involved in yuan, if any
 */
public record FeedbackGiven(UUID taskId, String agencyCode, String measureApplied, String businessItem,
                            BigDecimal amount, String explanation, Instant fedBackAt) {
}
