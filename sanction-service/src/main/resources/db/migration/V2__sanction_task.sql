-- R8: one task per listing, enforcing agency and measure; the closed loop initiate → respond → implement → feedback.
CREATE TABLE sanction_task (
    task_id         UUID        PRIMARY KEY,
    listing_id      UUID        NOT NULL,
    listing_version BIGINT      NOT NULL,
    subject_key     TEXT        NOT NULL,
    list_type_code  TEXT        NOT NULL,
    agency_code     TEXT        NOT NULL,
    measure_code    TEXT        NOT NULL,
    -- the measure as the agency was asked, kept even if the measures list changes later
    measure         TEXT        NOT NULL,
    state           TEXT        NOT NULL
        CHECK (state IN ('INITIATED', 'RESPONDED', 'IMPLEMENTED', 'FED_BACK', 'LIFTED')),
    initiated_at    TIMESTAMPTZ NOT NULL,
    responded_at    TIMESTAMPTZ,
    implemented_at  TIMESTAMPTZ,
    fed_back_at     TIMESTAMPTZ,
    lifted_at       TIMESTAMPTZ,
    measure_applied TEXT,
    business_item   TEXT,
    -- in yuan, as the agency reported it
    amount          NUMERIC,
    explanation     TEXT,
    UNIQUE (listing_id, agency_code, measure_code)
);

-- an agency's open work, and the monthly case statistics of R8
CREATE INDEX sanction_task_agency_state ON sanction_task (agency_code, state);
