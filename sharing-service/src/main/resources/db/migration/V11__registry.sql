-- R16: the joint reward and punishment subject database agencies query: local listings (from identification's
-- events) and upstream listings. No ID number is stored here: persons are found by their keyed subject key.
CREATE TABLE registry_listing (
    listing_key      TEXT        PRIMARY KEY,
    source           TEXT        NOT NULL,
    version          BIGINT      NOT NULL,
    subject_key      TEXT        NOT NULL,
    subject_type     TEXT        NOT NULL CHECK (subject_type IN ('ORGANISATION', 'PERSON')),
    name             TEXT        NOT NULL,
    uscc             TEXT,
    id_number_masked TEXT,
    list_type_code   TEXT,
    list_type_name   TEXT        NOT NULL,
    kind             TEXT        NOT NULL CHECK (kind IN ('RED', 'BLACK', 'GRAY')),
    department       TEXT,
    recognition_date DATE,
    valid_until      DATE,
    status           TEXT        NOT NULL CHECK (status IN ('IN_FORCE', 'EXITED')),
    exited_on        DATE,
    updated_at       TIMESTAMPTZ NOT NULL
);
CREATE INDEX registry_listing_subject ON registry_listing (subject_key);
CREATE INDEX registry_listing_uscc ON registry_listing (uscc) WHERE uscc IS NOT NULL;
CREATE INDEX registry_listing_name ON registry_listing (name text_pattern_ops);

-- R16: every query of a natural person: who (agency, official), when, which subject, the stated purpose. Rows are
-- only ever added; the credit office reviews them.
CREATE TABLE query_register (
    id               BIGSERIAL   PRIMARY KEY,
    queried_at       TIMESTAMPTZ NOT NULL,
    agency           TEXT        NOT NULL,
    official         TEXT        NOT NULL,
    query_kind       TEXT        NOT NULL CHECK (query_kind IN ('USCC', 'ID_NUMBER', 'NAME')),
    purpose          TEXT        NOT NULL,
    subject_key      TEXT        NOT NULL,
    id_number_masked TEXT,
    subject_name     TEXT,
    result_count     INT         NOT NULL
);
CREATE INDEX query_register_time ON query_register (queried_at);
CREATE INDEX query_register_agency ON query_register (agency, queried_at);
