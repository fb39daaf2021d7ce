package io.creditloop.sanction.task;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.creditloop.contracts.Envelope;
import io.creditloop.contracts.EventTypes;
import io.creditloop.contracts.listing.v1.ListingConfirmed;
import io.creditloop.contracts.sanction.v1.SanctionTaskInitiated;
import io.creditloop.contracts.sanction.v1.SanctionTaskLifted;
import io.creditloop.messaging.EventCodec;
import io.creditloop.sanction.Listings;
import io.creditloop.sanction.measure.Measure;
import io.creditloop.sanction.measure.TestMeasures;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TaskEventsTest {

    private static final EventCodec CODEC = new EventCodec();
    private static final Instant AT = Instant.parse("2024-04-22T01:30:01Z");
    private static final Measure MEASURE = TestMeasures.measure("TAX_MAJOR_VIOLATION", "finance", "RESTRICT_FISCAL_FUNDS",
            "限制申请财政性资金项目", "003 §11");

    private final Envelope<ListingConfirmed> listing =
            Listings.confirmed(UUID.randomUUID(), 2, Listings.TAX_MAJOR_VIOLATION, Listings.newSubject());
    private final SanctionTask task = SanctionTask.initiate(UUID.randomUUID(), listing.data().listingId(), 2,
            listing.data().subject().key(), MEASURE, java.time.LocalDate.of(2024, 4, 29), AT);

    @Test
    @DisplayName("R8: an initiated task tells the agency the measure, its basis and the listed subject")
    void initiated() throws IOException {
        Envelope<SanctionTaskInitiated> event = TaskEvents.initiated(task, MEASURE, ListingInForce.of(listing.data()));

        assertThat(event.type()).isEqualTo(EventTypes.TASK_INITIATED);
        assertThat(event.source()).isEqualTo("/sanction-service");
        assertThat(event.subject()).isEqualTo(listing.data().subject().key());
        assertThat(event.time()).isEqualTo(AT);
        SanctionTaskInitiated data = event.data();
        assertThat(data.taskId()).isEqualTo(task.taskId());
        assertThat(data.listingId()).isEqualTo(listing.data().listingId());
        assertThat(data.listingVersion()).isEqualTo(2);
        assertThat(data.agencyCode()).isEqualTo("finance");
        assertThat(data.measureCode()).isEqualTo("RESTRICT_FISCAL_FUNDS");
        assertThat(data.measure()).isEqualTo("限制申请财政性资金项目");
        assertThat(data.legalBasis()).isEqualTo("003 §11");
        assertThat(data.listType()).isEqualTo(Listings.TAX_MAJOR_VIOLATION);
        assertThat(data.subject()).isEqualTo(listing.data().subject());
        assertThat(data.reason()).isEqualTo(listing.data().reason());
        assertThat(data.validUntil()).isEqualTo(listing.data().validUntil());
        assertThat(data.initiatedAt()).isEqualTo(AT);
        assertThat(data.measureVersion()).isEqualTo(1);
        assertThat(data.scenarios()).containsExactly("FISCAL_FUNDS");
        assertThat(data.confirmationRequired()).isTrue();
        assertThat(data.respondBy()).isEqualTo(java.time.LocalDate.of(2024, 4, 29));
        assertThat(schemaErrors(event)).isEmpty();
    }

    @Test
    @DisplayName("R13: a lifted task tells the agency which measure stops and why")
    void lifted() throws IOException {
        Instant liftedAt = AT.plusSeconds(86_400);
        task.lift("listing exited: EXPIRED", liftedAt);

        Envelope<SanctionTaskLifted> event = TaskEvents.lifted(task);

        assertThat(event.type()).isEqualTo(EventTypes.TASK_LIFTED);
        assertThat(event.subject()).isEqualTo(task.subjectKey());
        assertThat(event.data()).isEqualTo(new SanctionTaskLifted(task.taskId(), task.listingId(), "finance",
                "RESTRICT_FISCAL_FUNDS", "listing exited: EXPIRED", liftedAt));
        assertThat(schemaErrors(event)).isEmpty();
    }

    @Test
    @DisplayName("R13: only a lifted task has a lifted event")
    void liftedNeedsLiftedTask() {
        assertThatThrownBy(() -> TaskEvents.lifted(task)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("the schema check is real: an event lacking a required field fails it")
    void schemaCheckFails() throws IOException {
        SanctionTaskLifted incomplete = new SanctionTaskLifted(null, task.listingId(), "finance", null, null, AT);
        Envelope<SanctionTaskLifted> event = Envelope.of("/sanction-service", EventTypes.TASK_LIFTED, AT, "k",
                incomplete);

        assertThat(schemaErrors(event)).isNotEmpty();
    }

    /** Validates the event as it goes on the wire against the schema published in contracts. */
    private static Set<ValidationMessage> schemaErrors(Envelope<?> event)
            throws IOException {
        JsonNode wire = CODEC.objectMapper().readTree(CODEC.encode(event));
        try (InputStream in = TaskEventsTest.class.getResourceAsStream("/schemas/" + event.type() + ".json")) {
            assertThat(in).as("schema of " + event.type()).isNotNull();
            JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
            return schema.validate(wire);
        }
    }
}
