-- R16: the personal-data audit log. Every read of a natural person's unmasked data, by anyone, in any service
-- (events audit.personal-data-read.v1 on audit.personal-data-reads): who, when, what, purpose. The person only by
-- the keyed subject key and the masked ID number. Append-only: the triggers below refuse UPDATE, DELETE and TRUNCATE.
CREATE TABLE personal_data_read (
    id             BIGSERIAL   PRIMARY KEY,
    read_id        UUID        NOT NULL UNIQUE,
    read_at        TIMESTAMPTZ NOT NULL,
    caller_kind    TEXT        NOT NULL,
    caller_code    TEXT        NOT NULL,
    caller_subject TEXT        NOT NULL,
    service        TEXT        NOT NULL,
    what           TEXT        NOT NULL,
    resource_id    TEXT,
    listing_id     UUID,
    subject_key    TEXT,
    masked_id      TEXT,
    purpose        TEXT,
    request_id     TEXT,
    stored_at      TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX personal_data_read_time ON personal_data_read (read_at DESC, id DESC);
CREATE INDEX personal_data_read_subject ON personal_data_read (subject_key, read_at DESC) WHERE subject_key IS NOT NULL;
CREATE INDEX personal_data_read_caller ON personal_data_read (caller_code, read_at DESC);

CREATE FUNCTION personal_data_read_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'R16: the personal-data audit log is append-only (% refused)', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER personal_data_read_no_change BEFORE UPDATE OR DELETE ON personal_data_read
    FOR EACH ROW EXECUTE FUNCTION personal_data_read_append_only();
CREATE TRIGGER personal_data_read_no_truncate BEFORE TRUNCATE ON personal_data_read
    FOR EACH STATEMENT EXECUTE FUNCTION personal_data_read_append_only();
