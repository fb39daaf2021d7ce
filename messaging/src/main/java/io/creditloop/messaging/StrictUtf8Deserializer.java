package io.creditloop.messaging;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Keys and values as UTF-8 text, refusing bytes that are not UTF-8 (issue 9, bad encodings): Kafka's own
 * StringDeserializer would turn them into U+FFFD silently and the damaged text would be stored as if it had been
 * sent. Wrapped in an ErrorHandlingDeserializer, a refusal sends the record to the dead-letter topic with its reason.
 */
public class StrictUtf8Deserializer implements Deserializer<String> {

    private static final char REPLACEMENT = '\uFFFD';

    @Override
    public String deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        // The JDK's own decoding is the fast one, and it puts U+FFFD for every byte sequence that is not UTF-8: a text
        // without U+FFFD was valid. Only one with it (sent as such, or damaged) is decoded again, strictly.
        String text = new String(data, StandardCharsets.UTF_8);
        if (text.indexOf(REPLACEMENT) < 0) {
            return text;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(data)).toString();
        } catch (CharacterCodingException e) {
            throw new SerializationException("a record on " + topic + " is not UTF-8 text");
        }
    }
}
