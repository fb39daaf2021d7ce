package io.creditloop.contracts;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * CloudEvents-style envelope (structured mode, spec 1.0) around every event on every topic.
 *
 * @param id      unique per event; consumers de-duplicate on it
 * @param source  the producing service or agency, e.g. {@code /identification-service}
 * @param type    versioned event type, e.g. {@code listing.confirmed.v1}; see {@link EventTypes}
 * @param time    when the fact happened
 * @param subject the partition key: the credit subject's key for listing events, the task id for agency answers
 * @param data    the event body, one of the records registered in {@link EventTypes}
 */
public record Envelope<T>(String specversion, String id, String source, String type, Instant time,
                          String subject, String datacontenttype, T data) {

    public static final String SPEC_VERSION = "1.0";
    public static final String CONTENT_TYPE = "application/json";

    public Envelope {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(time, "time");
        if (specversion == null) {
            specversion = SPEC_VERSION;
        }
        if (datacontenttype == null) {
            datacontenttype = CONTENT_TYPE;
        }
    }

    public static <T> Envelope<T> of(String source, String type, Instant time, String subject, T data) {
        return new Envelope<>(SPEC_VERSION, UUID.randomUUID().toString(), source, type, time, subject, CONTENT_TYPE, data);
    }
}
