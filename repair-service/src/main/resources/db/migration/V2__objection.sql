-- R10: objections (异议) against listings, filed with the original provider (the recognising department).
CREATE TABLE objection (
    id                     UUID        PRIMARY KEY,
    listing_id             UUID        NOT NULL REFERENCES listing_ref (listing_id),
    recognising_department TEXT        NOT NULL,
    objector_name          TEXT        NOT NULL,
    contact                TEXT,
    reason                 TEXT        NOT NULL,
    status                 TEXT        NOT NULL CHECK (status IN ('FILED')),
    filed_at               TIMESTAMPTZ NOT NULL
);
CREATE INDEX objection_listing ON objection (listing_id);
