package io.creditloop.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import io.creditloop.contracts.Envelope;
import io.creditloop.contracts.EventTypes;
import io.creditloop.contracts.listing.v1.ListKind;
import io.creditloop.contracts.listing.v1.ListType;
import io.creditloop.contracts.listing.v1.Subject;
import io.creditloop.contracts.listing.v1.SubjectType;
import io.creditloop.contracts.sanction.v1.SanctionTaskInitiated;
import io.creditloop.contracts.sanction.v1.TaskResponded;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventCodecTest {

    private final EventCodec codec = new EventCodec();

    @Test
    void knownTypeRoundTripsToItsRecord() {
        UUID task = UUID.randomUUID();
        Envelope<TaskResponded> sent = Envelope.of("/agency/finance", EventTypes.TASK_RESPONDED,
                Instant.parse("2024-04-22T10:00:00Z"), task.toString(),
                new TaskResponded(task, "finance", "已接收", Instant.parse("2024-04-22T10:00:00Z")));

        Envelope<Object> received = codec.decode(codec.encode(sent));

        assertThat(received.id()).isEqualTo(sent.id());
        assertThat(received.data()).isEqualTo(sent.data());
    }

    @Test
    void unknownTypeIsKeptAsJsonSoAConsumerCanSkipIt() {
        Envelope<Object> received = codec.decode("""
                {"specversion":"1.0","id":"e1","source":"/x","type":"listing.confirmed.v2",
                 "time":"2024-04-22T10:00:00Z","data":{"anything":1}}""");

        assertThat(received.data()).isInstanceOf(JsonNode.class);
    }

    @Test
    void malformedMessagesArePoisonNotRetried() {
        assertThatThrownBy(() -> codec.decode("{not json")).isInstanceOf(PoisonMessageException.class);
        assertThatThrownBy(() -> codec.decode("[]")).isInstanceOf(PoisonMessageException.class);
        assertThatThrownBy(() -> codec.decode("""
                {"id":"e1","source":"/x","type":"agency.task.responded.v1","time":"2024-04-22T10:00:00Z"}"""))
                .isInstanceOf(PoisonMessageException.class).hasMessageContaining("data");
        assertThatThrownBy(() -> codec.decode("""
                {"id":"e1","source":"/x","type":"agency.task.responded.v1","time":"yesterday","data":{}}"""))
                .isInstanceOf(PoisonMessageException.class).hasMessageContaining("time");
        assertThatThrownBy(() -> codec.decode("""
                {"id":"e1","source":"/x","type":"agency.task.responded.v1","time":"2024-04-22T10:00:00Z",
                 "data":{"taskId":"not-a-uuid"}}"""))
                .isInstanceOf(PoisonMessageException.class).hasMessageContaining("agency.task.responded.v1")
                .hasMessageContaining("taskId");
    }

    @Test
    void anEventMissingARequiredFieldIsPoisonNamingTheField() {
        assertThatThrownBy(() -> codec.decode("""
                {"specversion":"1.0","id":"e1","source":"/x","type":"listing.exited.v1","time":"2024-04-22T10:00:00Z",
                 "data":{"listingId":"3f0c2b8e-5d7a-4c1e-9b6f-2a8d4e1c7b90","version":3}}"""))
                .isInstanceOf(PoisonMessageException.class)
                .hasMessageContaining("schema").hasMessageContaining("$.data");
    }

    @Test
    void poisonReasonsNeverQuoteTheMessage() {
        assertThatThrownBy(() -> codec.decode("420102199003071232 is not json"))
                .isInstanceOf(PoisonMessageException.class).message().doesNotContain("420102199003071232");
        assertThatThrownBy(() -> codec.decode("""
                {"id":"e1","source":"/x","type":"agency.task.responded.v1","time":"2024-04-22T10:00:00Z",
                 "data":{"taskId":"420102199003071232"}}"""))
                .isInstanceOf(PoisonMessageException.class).message().doesNotContain("420102199003071232");
    }

    @Test
    void hostileTextsAreRefusedNamingThePlaceOnly() {
        UUID task = UUID.randomUUID();
        String template = """
                {"specversion":"1.0","id":"e1","source":"/agency/finance","type":"agency.task.responded.v1",
                 "time":"2024-04-22T10:00:00Z","data":{"taskId":"%s","agencyCode":"finance","note":"%s",
                 "respondedAt":"2024-04-22T10:00:00Z"}}""";
        assertThatThrownBy(() -> codec.decode(template.formatted(task, "x".repeat(EventCodec.MAX_TEXT + 1))))
                .isInstanceOf(PoisonMessageException.class).hasMessageContaining("/data/note")
                .hasMessageContaining("10001 characters");
        assertThatThrownBy(() -> codec.decode(template.formatted(task, "ok\\u0000; DROP TABLE sanction_task")))
                .isInstanceOf(PoisonMessageException.class).hasMessageContaining("U+0000")
                .hasMessageNotContaining("DROP");
        assertThat(codec.decode(template.formatted(task, "第一行\\n第二行\\t")).data())
                .isInstanceOf(TaskResponded.class);
        String deep = "[".repeat(5_000) + "]".repeat(5_000);
        assertThatThrownBy(() -> codec.decode("{\"data\":" + deep + "}"))
                .isInstanceOf(PoisonMessageException.class).hasMessageContaining("not JSON");
    }

    @Test
    void bytesThatAreNotUtf8AreRefused() {
        byte[] latin1 = "{\"note\":\"caf\u00e9\"}".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> new StrictUtf8Deserializer().deserialize("t", latin1))
                .isInstanceOf(org.apache.kafka.common.errors.SerializationException.class)
                .hasMessageContaining("not UTF-8");
        assertThat(new StrictUtf8Deserializer().deserialize("t", "黄石".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .isEqualTo("黄石");
    }

    private String responded(UUID task, String note) {
        return codec.encode(Envelope.of("/agency/finance", EventTypes.TASK_RESPONDED,
                Instant.parse("2024-04-22T10:00:00Z"), task.toString(),
                new TaskResponded(task, "finance", note, Instant.parse("2024-04-22T10:00:00Z"))));
    }

    @Test
    void anEventReadByAnotherConsumerGroupIsDecodedOnce() {
        String text = responded(UUID.randomUUID(), "已接收");

        Envelope<Object> first = codec.decode(text);
        Envelope<Object> again = codec.decode(new String(text)); // another group's copy of the same record

        assertThat(again).isSameAs(first);
        assertThat(codec.decode(responded(UUID.randomUUID(), "已接收"))).isNotSameAs(first);
    }

    @Test
    void onlyTheLastDecodedEventsAreKept() {
        String oldest = responded(UUID.randomUUID(), "最早");
        Envelope<Object> first = codec.decode(oldest);
        for (int i = 0; i < EventCodec.DECODED_KEPT; i++) {
            codec.decode(responded(UUID.randomUUID(), "第" + i + "条"));
        }

        Envelope<Object> decodedAnew = codec.decode(oldest);

        assertThat(decodedAnew).isNotSameAs(first).isEqualTo(first);
    }

    @Test
    void unknownTypesAndPoisonAreNotKept() {
        String unknown = """
                {"specversion":"1.0","id":"e1","source":"/x","type":"listing.confirmed.v2",
                 "time":"2024-04-22T10:00:00Z","data":{"items":["a","b"]}}""";
        // a JsonNode can be changed by whoever holds it: each decode makes its own
        assertThat(codec.decode(unknown)).isNotSameAs(codec.decode(unknown));
        String poison = unknown.replace("\"b\"", "\"b\\u0001\"");
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> codec.decode(poison))
                    .isInstanceOf(PoisonMessageException.class).hasMessageContaining("U+0001) at /data/items/1");
        }
    }

    @Test
    void aSharedEventCannotBeChangedByOneOfItsConsumers() {
        List<String> scenarios = new ArrayList<>(List.of("PUBLIC_BIDDING"));
        UUID task = UUID.randomUUID();
        SanctionTaskInitiated initiated = new SanctionTaskInitiated(task, UUID.randomUUID(), 1, "finance", "M1",
                "限制参与政府采购", "依据", new ListType("COURT_DEFAULTER", 1, "失信被执行人名单", ListKind.BLACK, "court"),
                new Subject("USCC:91420200MA4KXXXX0X", SubjectType.ORGANISATION, "黄石某某有限公司", "91420200MA4KXXXX0X",
                        null, null, null), "失信",
                LocalDate.parse("2026-12-31"), Instant.parse("2026-12-01T00:00:00Z"), 1, scenarios, true,
                LocalDate.parse("2026-12-08"));
        scenarios.add("LATER");

        SanctionTaskInitiated decoded = (SanctionTaskInitiated) codec.decode(codec.encode(Envelope.of("/sanction",
                EventTypes.TASK_INITIATED, Instant.parse("2026-12-01T00:00:00Z"), task.toString(), initiated))).data();

        assertThat(initiated.scenarios()).containsExactly("PUBLIC_BIDDING");
        assertThat(decoded.scenarios()).containsExactly("PUBLIC_BIDDING");
        assertThatThrownBy(() -> decoded.scenarios().add("X")).isInstanceOf(UnsupportedOperationException.class);
    }
}
