package io.creditloop.messaging;

import io.creditloop.contracts.Envelope;
import io.creditloop.contracts.EventTypes;
import io.creditloop.contracts.repair.v1.DecisionKind;
import io.creditloop.contracts.repair.v1.DecisionMade;
import io.creditloop.contracts.sanction.v1.TaskResponded;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class OutboxListingIdTest {

    @Test
    @DisplayName("R11: an outbox row knows the listing its event names, so Outbox#erase finds it; others name none")
    void listingIdOfTheEvent() {
        UUID listingId = UUID.randomUUID();
        Instant now = Instant.now();
        Envelope<DecisionMade> decision = Envelope.of("/repair-service", EventTypes.DECISION_MADE, now,
                listingId.toString(), new DecisionMade(UUID.randomUUID(), listingId, "OBJECTION", UUID.randomUUID(),
                        DecisionKind.ERRONEOUS_EXIT, "tax", "错误", now));
        Envelope<TaskResponded> answer = Envelope.of("/agency", EventTypes.TASK_RESPONDED, now, "task",
                new TaskResponded(UUID.randomUUID(), "finance", "收到", now));

        assertThat(Outbox.listingId(decision)).isEqualTo(listingId);
        assertThat(Outbox.listingId(answer)).isNull();
    }
}
