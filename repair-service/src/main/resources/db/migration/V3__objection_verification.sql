-- R10/R11: verification of objections (accepted → department's opinion or written reply → credit office review),
-- the evidence, once-only deadline alarms, and what an erroneous listing leaves behind for the subject.
ALTER TABLE listing_ref ADD COLUMN list_kind TEXT CHECK (list_kind IN ('RED', 'BLACK', 'GRAY'));

ALTER TABLE objection DROP CONSTRAINT objection_status_check;
ALTER TABLE objection ADD CONSTRAINT objection_status_check
    CHECK (status IN ('FILED', 'ACCEPTED', 'OPINION_GIVEN', 'DECIDED', 'REJECTED'));
ALTER TABLE objection
    ADD COLUMN objector_kind    TEXT NOT NULL DEFAULT 'SUBJECT' CHECK (objector_kind IN ('SUBJECT', 'AGENCY')),
    ADD COLUMN accepted_at      TIMESTAMPTZ,
    ADD COLUMN accepted_by      TEXT,
    ADD COLUMN due_date         DATE,
    ADD COLUMN opinion_outcome  TEXT CHECK (opinion_outcome IN ('ERRONEOUS', 'CORRECTION')),
    ADD COLUMN opinion          TEXT,
    ADD COLUMN opinion_by       TEXT,
    ADD COLUMN opinion_at       TIMESTAMPTZ,
    ADD COLUMN reply            TEXT,
    ADD COLUMN replied_by       TEXT,
    ADD COLUMN replied_at       TIMESTAMPTZ,
    ADD COLUMN reviewed_by      TEXT,
    ADD COLUMN reviewed_at      TIMESTAMPTZ,
    ADD COLUMN decision_id      UUID,
    ADD COLUMN administrative_review TEXT,
    ADD COLUMN administrative_review_at TIMESTAMPTZ;
-- the deadline watch looks at accepted objections only
CREATE INDEX objection_pending_due ON objection (due_date) WHERE status IN ('ACCEPTED', 'OPINION_GIVEN');

-- evidence: a reference (document number, URL of a registry, ...) or a file stored in the private evidence directory
CREATE TABLE objection_evidence (
    id            UUID        PRIMARY KEY,
    objection_id  UUID        NOT NULL REFERENCES objection (id),
    kind          TEXT        NOT NULL CHECK (kind IN ('REFERENCE', 'FILE')),
    description   TEXT        NOT NULL,
    reference     TEXT,
    file_name     TEXT,
    content_type  TEXT,
    size_bytes    BIGINT,
    sha256        TEXT,
    storage_name  TEXT,
    added_at      TIMESTAMPTZ NOT NULL,
    CHECK ((kind = 'REFERENCE') = (reference IS NOT NULL)),
    CHECK ((kind = 'FILE') = (storage_name IS NOT NULL))
);
CREATE INDEX objection_evidence_objection ON objection_evidence (objection_id);

-- R10: each alarm once per objection, whatever the number of instances (the primary key decides)
CREATE TABLE objection_alarm (
    objection_id UUID        NOT NULL REFERENCES objection (id),
    alarm        TEXT        NOT NULL CHECK (alarm IN ('DUE_TODAY', 'OVERDUE')),
    due_date     DATE        NOT NULL,
    raised_on    DATE        NOT NULL,
    raised_at    TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (objection_id, alarm)
);

-- R11: the written apology / clarification for the subject of an erroneous listing (no personal data of the listing)
CREATE TABLE apology (
    id           UUID        PRIMARY KEY,
    listing_id   UUID        NOT NULL,
    objection_id UUID        NOT NULL REFERENCES objection (id),
    department   TEXT        NOT NULL,
    text         TEXT        NOT NULL,
    issued_at    TIMESTAMPTZ NOT NULL,
    UNIQUE (objection_id)
);

-- R11: a wrongly made red listing: the benefits granted under it are to be recovered (the sanction records hold them)
CREATE TABLE benefit_recovery (
    listing_id     UUID        PRIMARY KEY,
    objection_id   UUID        NOT NULL REFERENCES objection (id),
    list_type_code TEXT        NOT NULL,
    department     TEXT        NOT NULL,
    note           TEXT        NOT NULL,
    created_at     TIMESTAMPTZ NOT NULL
);

-- every decision repair-service has made on a listing (objections, repairs, supervision), as published
CREATE TABLE decision (
    id          UUID        PRIMARY KEY,
    listing_id  UUID        NOT NULL,
    case_kind   TEXT        NOT NULL CHECK (case_kind IN ('OBJECTION', 'REPAIR', 'SUPERVISION')),
    case_id     UUID        NOT NULL,
    kind        TEXT        NOT NULL,
    department  TEXT        NOT NULL,
    note        TEXT,
    decided_at  TIMESTAMPTZ NOT NULL,
    UNIQUE (case_kind, case_id)
);
CREATE INDEX decision_listing ON decision (listing_id);
