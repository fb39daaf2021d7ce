-- Listings (R3) and every version of each as an immutable event.
CREATE TABLE listing (
    id                   UUID        PRIMARY KEY,
    version              BIGINT      NOT NULL,
    status               TEXT        NOT NULL,
    submission_id        TEXT,
    list_type_code       TEXT        NOT NULL,
    list_type_version    INT         NOT NULL,
    subject_type         TEXT        NOT NULL,
    subject_key          TEXT        NOT NULL,
    subject_name         TEXT        NOT NULL,
    uscc                 TEXT,
    id_type              TEXT,
    id_number            TEXT,
    legal_representative TEXT,
    reason               TEXT        NOT NULL,
    basis                TEXT        NOT NULL,
    department           TEXT        NOT NULL,
    recognition_date     DATE        NOT NULL,
    valid_from           DATE        NOT NULL,
    valid_until          DATE,
    confirmed_at         TIMESTAMPTZ,
    exit_reason          TEXT,
    exit_date            DATE,
    exit_note            TEXT,
    exited_at            TIMESTAMPTZ,
    created_at           TIMESTAMPTZ NOT NULL DEFAULT now(),
    FOREIGN KEY (list_type_code, list_type_version) REFERENCES list_type (code, version)
);
CREATE UNIQUE INDEX listing_submission ON listing (department, submission_id) WHERE submission_id IS NOT NULL;
CREATE INDEX listing_subject ON listing (subject_key);

CREATE TABLE listing_event (
    listing_id  UUID        NOT NULL REFERENCES listing (id),
    version     BIGINT      NOT NULL,
    type        TEXT        NOT NULL,
    occurred_at TIMESTAMPTZ NOT NULL,
    detail      TEXT,
    PRIMARY KEY (listing_id, version)
);
