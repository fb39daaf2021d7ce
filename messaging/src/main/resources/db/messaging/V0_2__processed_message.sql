-- Idempotent consumer (inbox): a row per (consumer, event id), inserted in the handler's transaction.
CREATE TABLE processed_message (
    consumer     TEXT        NOT NULL,
    message_id   TEXT        NOT NULL,
    processed_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, message_id)
);

-- Highest aggregate version a consumer has applied; stale or repeated events are dropped against it.
CREATE TABLE applied_version (
    consumer     TEXT   NOT NULL,
    aggregate_id TEXT   NOT NULL,
    version      BIGINT NOT NULL,
    PRIMARY KEY (consumer, aggregate_id)
);
