-- R16 (001 §23-24; 003 §24): every person-level credit check is registered and reviewable, in the transaction of
-- the check itself. Only the subject key and a masked ID number are kept.
CREATE TABLE credit_check_register (
    id            BIGSERIAL   PRIMARY KEY,
    checked_at    TIMESTAMPTZ NOT NULL,
    agency_code   TEXT        NOT NULL,
    user_id       TEXT        NOT NULL,
    scenario      TEXT        NOT NULL,
    -- how the subject was named: ID_NUMBER, USCC or NAME
    queried_by    TEXT        NOT NULL,
    subject_key   TEXT        NOT NULL,
    masked_id     TEXT,
    result_count  INT         NOT NULL
);

CREATE INDEX credit_check_register_subject ON credit_check_register (subject_key, checked_at);
CREATE INDEX credit_check_register_agency ON credit_check_register (agency_code, checked_at);
