-- R8 dashboard and monthly case report (004 annex 2): what the loop's tasks do not carry about their listing, the
-- recognising department (发起部门), the list's name and kind, the subject as it may be reported and the exit.
-- Kept from the listing events by the report's own consumer; a person is stored by masked name only, never an ID
-- number.
CREATE TABLE case_listing (
    listing_id       UUID        PRIMARY KEY,
    version          BIGINT      NOT NULL,
    department       TEXT        NOT NULL,
    list_type_code   TEXT        NOT NULL,
    list_type_name   TEXT        NOT NULL,
    list_kind        TEXT        NOT NULL CHECK (list_kind IN ('RED', 'BLACK', 'GRAY')),
    subject_type     TEXT        NOT NULL CHECK (subject_type IN ('ORGANISATION', 'PERSON')),
    -- an organisation's name; a person's name masked (张*)
    subject_name     TEXT        NOT NULL,
    uscc             TEXT,
    reason           TEXT,
    recognition_date DATE,
    valid_from       DATE,
    valid_until      DATE,
    exit_reason      TEXT,
    exit_date        DATE,
    exit_note        TEXT,
    exited_at        TIMESTAMPTZ
);

-- the dashboard groups and filters tasks by their listing's department
CREATE INDEX case_listing_department ON case_listing (department);
-- the report's exit forms (3, 4): exits per month
CREATE INDEX case_listing_exit_date ON case_listing (exit_date) WHERE exit_date IS NOT NULL;
-- the dashboard's period filter and series
CREATE INDEX sanction_task_initiated_at ON sanction_task (initiated_at);
