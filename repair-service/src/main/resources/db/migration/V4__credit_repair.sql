-- R12: what credit repair needs to know of every listing (all subjects: a new listing can cancel another's repair)
ALTER TABLE listing_ref
    ADD COLUMN subject_key      TEXT,
    ADD COLUMN repair_mode      TEXT CHECK (repair_mode IN ('PUBLICATION_WITHDRAWN', 'RECTIFICATION_NOTED', 'NOT_REPAIRABLE')),
    ADD COLUMN recognition_date DATE,
    ADD COLUMN valid_until      DATE,
    -- R12 (000 §5(二)): a re-offence after a repair bars another repair of this listing within its validity
    ADD COLUMN repair_barred    BOOLEAN NOT NULL DEFAULT FALSE;
CREATE INDEX listing_ref_subject ON listing_ref (subject_key);

-- R12: credit repair applications (信用修复申请), from the written application to the credit office's review
CREATE TABLE credit_repair (
    id               UUID        PRIMARY KEY,
    listing_id       UUID        NOT NULL REFERENCES listing_ref (listing_id),
    subject_key      TEXT        NOT NULL,
    path             TEXT        NOT NULL CHECK (path IN ('PUBLICATION_WITHDRAWN', 'RECTIFICATION_NOTED')),
    applicant        TEXT        NOT NULL,
    statement        TEXT        NOT NULL,
    intentional      BOOLEAN     NOT NULL,
    status           TEXT        NOT NULL CHECK (status IN ('APPLIED', 'OPINION_GIVEN', 'CARRIED_OUT', 'REFUSED', 'CANCELLED')),
    filed_at         TIMESTAMPTZ NOT NULL,
    opinion_due      DATE        NOT NULL,
    opinion          TEXT,
    opinion_by       TEXT,
    opinion_at       TIMESTAMPTZ,
    review_due       DATE,
    review_note      TEXT,
    reviewed_by      TEXT,
    reviewed_at      TIMESTAMPTZ,
    decision_id      UUID,
    closed_reason    TEXT,
    closed_at        TIMESTAMPTZ
);
CREATE INDEX credit_repair_subject ON credit_repair (subject_key) WHERE status IN ('APPLIED', 'OPINION_GIVEN', 'CARRIED_OUT');
CREATE INDEX credit_repair_listing ON credit_repair (listing_id);

-- R12 (004 §8(三)5, annex 2 forms 5-6): evidence: obligations fulfilled, rectification, repair training, credit commitment
CREATE TABLE credit_repair_evidence (
    id          UUID        PRIMARY KEY,
    repair_id   UUID        NOT NULL REFERENCES credit_repair (id),
    kind        TEXT        NOT NULL CHECK (kind IN ('OBLIGATIONS_FULFILLED', 'RECTIFICATION', 'TRAINING', 'CREDIT_COMMITMENT', 'OTHER')),
    description TEXT        NOT NULL,
    reference   TEXT        NOT NULL,
    added_at    TIMESTAMPTZ NOT NULL
);
CREATE INDEX credit_repair_evidence_repair ON credit_repair_evidence (repair_id);
