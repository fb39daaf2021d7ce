package io.creditloop.contracts;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Golden JSON keeps every v1 event readable forever: the files under {@code golden/} are never edited, only added.
 * Each must validate against its published schema, map onto its record and serialise back to the same JSON.
 */
class GoldenEventsTest {

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(com.fasterxml.jackson.core.JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    /**
     * {@code <type>.json} for every registered type, plus any later sample {@code <type>--<what>.json}: an optional
     * field added within v1 gets a sample of its own, and the first sample stays as it was.
     */
    static Stream<String> samples() throws IOException {
        Stream<String> first = EventTypes.all().keySet().stream().map(type -> type + ".json");
        return Stream.concat(first, laterSamples().stream()).sorted();
    }

    private static List<String> laterSamples() throws IOException {
        try (Stream<Path> files = Files.list(goldenDirectory())) {
            return files.map(f -> f.getFileName().toString()).filter(name -> name.contains("--")).sorted().toList();
        }
    }

    private static Path goldenDirectory() {
        try {
            return Path.of(GoldenEventsTest.class.getResource("/golden").toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String typeOf(String sample) {
        int cut = sample.indexOf("--");
        return cut > 0 ? sample.substring(0, cut) : sample.substring(0, sample.length() - ".json".length());
    }

    @ParameterizedTest
    @MethodSource("samples")
    @DisplayName("golden v1 event validates against its JSON Schema")
    void goldenValidatesAgainstSchema(String sample) throws IOException {
        String type = typeOf(sample);
        JsonNode golden = read("/golden/" + sample);
        Set<ValidationMessage> errors = schema(type).validate(golden);
        assertThat(errors).as("schema errors for %s", sample).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("samples")
    @DisplayName("golden v1 event maps onto its record and back without loss")
    void goldenRoundTripsThroughRecord(String sample) throws IOException {
        String type = typeOf(sample);
        JsonNode golden = read("/golden/" + sample);
        Class<?> dataClass = EventTypes.dataClass(type).orElseThrow();
        JavaType envelopeType = JSON.getTypeFactory().constructParametricType(Envelope.class, dataClass);

        Envelope<?> envelope = JSON.readValue(text("/golden/" + sample), envelopeType);

        assertThat(envelope.type()).isEqualTo(type);
        assertThat(envelope.data()).isInstanceOf(dataClass);
        JsonNode roundTripped = JSON.readTree(JSON.writeValueAsString(envelope));
        assertThat(roundTripped).isEqualTo(golden);
    }

    @Test
    @DisplayName("a schema rejects an event that lacks a required field")
    void schemaRejectsMissingRequiredField() throws IOException {
        JsonNode golden = read("/golden/listing.confirmed.v1.json");
        ((com.fasterxml.jackson.databind.node.ObjectNode) golden.get("data")).remove("listingId");

        assertThat(schema("listing.confirmed.v1").validate(golden))
                .extracting(ValidationMessage::getMessage)
                .anySatisfy(m -> assertThat(m).contains("listingId"));
    }

    @Test
    @DisplayName("every later golden sample names a registered type")
    void laterSamplesNameRegisteredTypes() throws IOException {
        assertThat(laterSamples()).allSatisfy(sample ->
                assertThat(EventTypes.dataClass(typeOf(sample))).as(sample).isPresent());
    }

    @Test
    @DisplayName("every schema file names a registered type, and every type has one")
    void schemasAndTypesMatch() {
        for (String type : EventTypes.all().keySet()) {
            assertThat(GoldenEventsTest.class.getResource("/schemas/" + type + ".json")).as(type).isNotNull();
            assertThat(type).matches("[a-z]+(\\.[a-z-]+)+\\.v\\d+");
        }
    }

    private static JsonSchema schema(String type) throws IOException {
        try (InputStream in = GoldenEventsTest.class.getResourceAsStream("/schemas/" + type + ".json")) {
            assertThat(in).as("schema for " + type).isNotNull();
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        }
    }

    private static String text(String path) throws IOException {
        try (InputStream in = GoldenEventsTest.class.getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private static JsonNode read(String path) throws IOException {
        try (InputStream in = GoldenEventsTest.class.getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            return JSON.readTree(in);
        }
    }
}
