package io.creditloop.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import io.creditloop.contracts.Envelope;
import io.creditloop.contracts.EventTypes;
import io.creditloop.contracts.sanction.v1.TaskResponded;
import org.junit.jupiter.api.Test;

import java.time.Instant;
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
}
