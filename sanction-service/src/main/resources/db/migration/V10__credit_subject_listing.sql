-- Credit check (package check): the local read model of the listings, fed by identification.listing.events with
-- this service's own consumer group; never another service's tables. One row per listing, in its latest version.
-- Persons are stored by subject key (HMAC of the ID number) and a masked number only (R16); an erroneous listing is
-- purged (R11), any other exit keeps the row flagged EXITED (R13: history stays in the back end).
CREATE TABLE credit_subject_listing (
    listing_id     UUID        PRIMARY KEY,
    version        BIGINT      NOT NULL,
    subject_key    TEXT        NOT NULL,
    subject_type   TEXT        NOT NULL CHECK (subject_type IN ('ORGANISATION', 'PERSON')),
    name           TEXT        NOT NULL,
    -- pinyin of the name without tones or spaces, lower case: 黄石 -> huangshi; initials: hs
    name_pinyin    TEXT        NOT NULL,
    name_initials  TEXT        NOT NULL,
    uscc           TEXT,
    -- first 6 and last 4 characters of a resident ID; never the whole number
    masked_id      TEXT,
    list_type_code TEXT        NOT NULL,
    list_type_name TEXT        NOT NULL,
    list_kind      TEXT        NOT NULL CHECK (list_kind IN ('RED', 'BLACK', 'GRAY')),
    department     TEXT        NOT NULL,
    valid_from     DATE        NOT NULL,
    -- last day in force, inclusive; NULL = no end (长期)
    valid_until    DATE,
    status         TEXT        NOT NULL CHECK (status IN ('IN_FORCE', 'EXITED')),
    exit_reason    TEXT,
    updated_at     TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE INDEX credit_subject_listing_subject ON credit_subject_listing (subject_key) WHERE status = 'IN_FORCE';
CREATE INDEX credit_subject_listing_uscc ON credit_subject_listing (uscc) WHERE status = 'IN_FORCE' AND uscc IS NOT NULL;
CREATE INDEX credit_subject_listing_name ON credit_subject_listing (name) WHERE status = 'IN_FORCE';
CREATE INDEX credit_subject_listing_pinyin ON credit_subject_listing (name_pinyin text_pattern_ops)
    WHERE status = 'IN_FORCE';
CREATE INDEX credit_subject_listing_initials ON credit_subject_listing (name_initials text_pattern_ops)
    WHERE status = 'IN_FORCE';

-- fuzzy names: trigram index; pg_trgm may already live in another service's schema (publication creates it in its
-- own), so the operator class is named by the schema it is in
DO $$
DECLARE
    trgm_schema TEXT;
BEGIN
    -- services migrate in parallel on a fresh database: when another one creates pg_trgm at the same moment,
    -- its commit makes ours fail on the catalogue's unique index; the extension is there, which is all we need
    BEGIN
        CREATE EXTENSION IF NOT EXISTS pg_trgm;
    EXCEPTION WHEN unique_violation OR duplicate_object THEN
        NULL;
    END;
    SELECT n.nspname INTO trgm_schema
      FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
     WHERE e.extname = 'pg_trgm';
    EXECUTE format('CREATE INDEX credit_subject_listing_name_trgm ON credit_subject_listing '
                   'USING gin (name %I.gin_trgm_ops) WHERE status = ''IN_FORCE''', trgm_schema);
END
$$;
