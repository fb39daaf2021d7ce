-- Search, the delta feed and releases (R7, R13). Still masked data only: a person's ID number is kept as a keyed
-- hash (HMAC-SHA256, for exact-match search) beside its masked form, never in plain.

-- Name search by substring: a trigram index. The extension goes into this schema; if another schema already has
-- it, the index names that schema's operator class.
DO $$
DECLARE
    trgm_schema TEXT;
BEGIN
    -- services migrate in parallel on a fresh database: when another one creates pg_trgm at the same moment,
    -- its commit makes ours fail on the catalogue's unique index; the extension is there, which is all we need
    BEGIN
        CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA publication;
    EXCEPTION WHEN unique_violation OR duplicate_object THEN
        NULL;
    END;
    SELECT n.nspname INTO trgm_schema
      FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
     WHERE e.extname = 'pg_trgm';
    EXECUTE format('CREATE INDEX board_entry_name_trgm ON board_entry USING gin (subject_name %I.gin_trgm_ops) '
                   'WHERE published', trgm_schema);
END
$$;

ALTER TABLE board_entry
    -- R16: HMAC-SHA256 of the normalised ID number, keyed with SUBJECT_KEY_SECRET; persons only
    ADD COLUMN id_number_key TEXT,
    -- whether the delta feed last said "on the board" (the window sweep keeps it in step with the validity)
    ADD COLUMN listed BOOLEAN NOT NULL DEFAULT false,
    ADD CHECK (subject_type = 'PERSON' OR id_number_key IS NULL);
CREATE INDEX board_entry_uscc ON board_entry (uscc) WHERE published AND uscc IS NOT NULL;
CREATE INDEX board_entry_id_number_key ON board_entry (id_number_key) WHERE published AND id_number_key IS NOT NULL;
CREATE INDEX board_entry_window ON board_entry (valid_from, valid_until) WHERE published;

-- R13, R12: the exit's note (for a repair: the rectification noted), free text masked like every other text.
ALTER TABLE exit_announcement ADD COLUMN note TEXT;
CREATE INDEX exit_announcement_exit_date ON exit_announcement (exit_date);

-- The delta feed: every change of what the public sees, in commit order (writers take one advisory lock, so a
-- cursor never skips a change committed later). REMOVED carries no payload: a tombstone names no subject.
CREATE TABLE board_change (
    seq        BIGSERIAL   PRIMARY KEY,
    listing_id UUID        NOT NULL,
    change     TEXT        NOT NULL CHECK (change IN ('PUBLISHED', 'REMOVED', 'ANNOUNCED')),
    changed_at TIMESTAMPTZ NOT NULL,
    payload    JSONB,
    CHECK ((change = 'REMOVED') = (payload IS NULL))
);

-- R7: releases, frozen numbered snapshots of the board at a cut-off: unified (credit office) or a department's own.
CREATE TABLE board_release (
    release_no  BIGINT      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind        TEXT        NOT NULL CHECK (kind IN ('UNIFIED', 'DEPARTMENT')),
    department  TEXT,
    cut_off     DATE        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL,
    entry_count INTEGER     NOT NULL,
    CHECK ((kind = 'DEPARTMENT') = (department IS NOT NULL))
);
CREATE INDEX board_release_unified ON board_release (cut_off DESC) WHERE kind = 'UNIFIED';

CREATE TABLE board_release_entry (
    release_no             BIGINT      NOT NULL REFERENCES board_release,
    listing_id             UUID        NOT NULL,
    version                BIGINT      NOT NULL,
    list_kind              TEXT        NOT NULL,
    list_type_code         TEXT        NOT NULL,
    list_type_name         TEXT        NOT NULL,
    subject_type           TEXT        NOT NULL,
    subject_name           TEXT        NOT NULL,
    uscc                   TEXT,
    id_number_masked       TEXT        CHECK (id_number_masked IS NULL OR strpos(id_number_masked, '*') > 0),
    reason                 TEXT,
    recognising_department TEXT        NOT NULL,
    basis                  TEXT,
    recognition_date       DATE,
    valid_from             DATE        NOT NULL,
    valid_until            DATE,
    published_at           TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (release_no, listing_id)
);
