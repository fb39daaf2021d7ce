-- R3: spreadsheet intake. An upload is processed in the background; every data row gets exactly one outcome, written
-- in the same transaction as the listing it created, so an upload interrupted by a crash resumes after its last
-- finished row and never counts a row twice.
CREATE TABLE intake_upload (
    id             UUID        PRIMARY KEY,
    department     TEXT        NOT NULL,
    list_type      TEXT,
    file_name      TEXT        NOT NULL,
    stored_path    TEXT        NOT NULL,
    size_bytes     BIGINT      NOT NULL,
    sha256         TEXT        NOT NULL,
    format         TEXT        NOT NULL CHECK (format IN ('XLSX', 'CSV')),
    template       TEXT        NOT NULL,
    notes          TEXT,
    state          TEXT        NOT NULL CHECK (state IN ('RECEIVED', 'RUNNING', 'DONE', 'FAILED')),
    rows_read      BIGINT      NOT NULL DEFAULT 0,
    accepted       BIGINT      NOT NULL DEFAULT 0,
    rejected       BIGINT      NOT NULL DEFAULT 0,
    duplicates     BIGINT      NOT NULL DEFAULT 0,
    attempts       INT         NOT NULL DEFAULT 0,
    received_at    TIMESTAMPTZ NOT NULL,
    started_at     TIMESTAMPTZ,
    finished_at    TIMESTAMPTZ,
    failure_reason TEXT
);
CREATE INDEX intake_upload_open ON intake_upload (received_at) WHERE state IN ('RECEIVED', 'RUNNING');
CREATE INDEX intake_upload_sha256 ON intake_upload (sha256);

-- One row per data row read: ACCEPTED (a listing was created), DUPLICATE (its listing existed already) or REJECTED.
CREATE TABLE intake_row (
    upload_id   UUID NOT NULL REFERENCES intake_upload (id),
    sheet_index INT  NOT NULL,
    row_number  INT  NOT NULL,
    outcome     TEXT NOT NULL CHECK (outcome IN ('ACCEPTED', 'DUPLICATE', 'REJECTED')),
    listing_id  UUID,
    PRIMARY KEY (upload_id, sheet_index, row_number)
);

-- Why a row was rejected, one line per field, with the column header as the file has it. Messages never echo an
-- ID number.
CREATE TABLE intake_rejection (
    upload_id     UUID NOT NULL REFERENCES intake_upload (id),
    sheet_index   INT  NOT NULL,
    sheet         TEXT NOT NULL,
    row_number    INT  NOT NULL,
    seq           INT  NOT NULL,
    column_header TEXT,
    field         TEXT NOT NULL,
    message       TEXT NOT NULL,
    PRIMARY KEY (upload_id, sheet_index, row_number, seq)
);
