-- The public board (R7). Only masked data lives in this schema: a person's name is masked, an ID number is
-- masked or absent, a legal representative is never stored. The CHECKs are the last line of that defence.

CREATE TABLE board_entry (
    listing_id             UUID        PRIMARY KEY,
    version                BIGINT      NOT NULL,
    list_kind              TEXT        NOT NULL CHECK (list_kind IN ('RED', 'BLACK', 'GRAY')),
    list_type_code         TEXT        NOT NULL,
    list_type_name         TEXT        NOT NULL,
    subject_type           TEXT        NOT NULL CHECK (subject_type IN ('ORGANISATION', 'PERSON')),
    subject_name           TEXT        NOT NULL,
    uscc                   TEXT,
    id_number_masked       TEXT        CHECK (id_number_masked IS NULL OR strpos(id_number_masked, '*') > 0),
    reason                 TEXT,
    recognising_department TEXT        NOT NULL,
    basis                  TEXT,
    recognition_date       DATE,
    valid_from             DATE        NOT NULL,
    valid_until            DATE,
    -- R7: gray listings are published selectively; the board shows only rows with published = true
    published              BOOLEAN     NOT NULL,
    published_at           TIMESTAMPTZ NOT NULL,
    CHECK (subject_type = 'ORGANISATION' OR uscc IS NULL),
    CHECK (subject_type = 'PERSON' OR id_number_masked IS NULL)
);
CREATE INDEX board_entry_order ON board_entry (published_at DESC, listing_id) WHERE published;

-- R13: one exit announcement per listing that left its list other than by error.
CREATE TABLE exit_announcement (
    listing_id             UUID        PRIMARY KEY,
    list_kind              TEXT        NOT NULL CHECK (list_kind IN ('RED', 'BLACK', 'GRAY')),
    list_type_code         TEXT        NOT NULL,
    list_type_name         TEXT        NOT NULL,
    subject_type           TEXT        NOT NULL CHECK (subject_type IN ('ORGANISATION', 'PERSON')),
    subject_name           TEXT        NOT NULL,
    uscc                   TEXT,
    id_number_masked       TEXT        CHECK (id_number_masked IS NULL OR strpos(id_number_masked, '*') > 0),
    recognising_department TEXT        NOT NULL,
    exit_reason            TEXT        NOT NULL CHECK (exit_reason <> 'ERRONEOUS'),
    exit_date              DATE        NOT NULL,
    announced_at           TIMESTAMPTZ NOT NULL,
    CHECK (subject_type = 'ORGANISATION' OR uscc IS NULL),
    CHECK (subject_type = 'PERSON' OR id_number_masked IS NULL)
);
CREATE INDEX exit_announcement_order ON exit_announcement (announced_at DESC, listing_id);
