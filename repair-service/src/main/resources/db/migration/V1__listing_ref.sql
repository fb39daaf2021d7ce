-- What this service knows of each listing, fed by identification.listing.events. No personal ID number is kept;
-- a person's name is kept masked only.
CREATE TABLE listing_ref (
    listing_id             UUID   PRIMARY KEY,
    version                BIGINT NOT NULL,
    status                 TEXT   NOT NULL CHECK (status IN ('CONFIRMED', 'EXITED')),
    recognising_department TEXT   NOT NULL,
    list_type_code         TEXT   NOT NULL,
    subject_type           TEXT   NOT NULL CHECK (subject_type IN ('ORGANISATION', 'PERSON')),
    subject_name_masked    TEXT   NOT NULL
);
