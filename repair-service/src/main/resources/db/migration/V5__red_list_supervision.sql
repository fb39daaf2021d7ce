-- R15: reports of a red-listed subject's misconduct, the department's verification and the notices it sends
CREATE TABLE supervision_report (
    id               UUID        PRIMARY KEY,
    listing_id       UUID        NOT NULL REFERENCES listing_ref (listing_id),
    department       TEXT        NOT NULL,
    reporter_name    TEXT        NOT NULL,
    reporter_contact TEXT,
    misconduct       TEXT        NOT NULL,
    status           TEXT        NOT NULL CHECK (status IN ('REPORTED', 'KEPT', 'EXITED')),
    reported_at      TIMESTAMPTZ NOT NULL,
    finding          TEXT,
    verified_by      TEXT,
    verified_at      TIMESTAMPTZ,
    decision_id      UUID
);
CREATE INDEX supervision_report_listing ON supervision_report (listing_id);

CREATE TABLE supervision_evidence (
    id          UUID        PRIMARY KEY,
    report_id   UUID        NOT NULL REFERENCES supervision_report (id),
    description TEXT        NOT NULL,
    reference   TEXT        NOT NULL,
    added_at    TIMESTAMPTZ NOT NULL
);

-- R15 (001 §20; 004 §7(一)): the reporter and the subject are told the outcome
CREATE TABLE supervision_notice (
    id         UUID        PRIMARY KEY,
    report_id  UUID        NOT NULL REFERENCES supervision_report (id),
    recipient  TEXT        NOT NULL CHECK (recipient IN ('REPORTER', 'SUBJECT')),
    text       TEXT        NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    UNIQUE (report_id, recipient)
);
