-- R4, R5: listings received from upstream platforms (the courts' judgment defaulters, provincial and national lists),
-- one row per record at its source with its current revision; each new revision is published on
-- sharing.upstream.listings through the outbox in the same transaction.
CREATE TABLE upstream_listing (
    id               UUID        PRIMARY KEY,
    platform         TEXT        NOT NULL,
    upstream_id      TEXT        NOT NULL,
    revision         BIGINT      NOT NULL CHECK (revision >= 1),
    list_name        TEXT        NOT NULL,
    kind             TEXT        NOT NULL CHECK (kind IN ('RED', 'BLACK', 'GRAY')),
    in_force         BOOLEAN     NOT NULL,
    subject_type     TEXT        NOT NULL CHECK (subject_type IN ('ORGANISATION', 'PERSON')),
    name             TEXT        NOT NULL,
    uscc             TEXT,
    -- R16: personal data; never logged, shown masked only
    id_number        TEXT,
    authority        TEXT,
    recognition_date DATE,
    valid_until      DATE,
    received_at      TIMESTAMPTZ NOT NULL,
    updated_at       TIMESTAMPTZ NOT NULL,
    UNIQUE (platform, upstream_id)
);
