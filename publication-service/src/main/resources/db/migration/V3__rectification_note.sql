-- R12 (b): a credit repair carried out as "rectification noted" is shown on the publication for the rest of its
-- validity. rectification keeps the note of each listing (a decision may arrive before the listing does);
-- board_entry and board_release_entry carry it with the entry (masked like every free text, R7).
CREATE TABLE rectification (
    listing_id  UUID        PRIMARY KEY,
    decision_id UUID        NOT NULL,
    note        TEXT        NOT NULL,
    noted_at    TIMESTAMPTZ NOT NULL
);

ALTER TABLE board_entry ADD COLUMN rectification_note TEXT;
ALTER TABLE board_release_entry ADD COLUMN rectification_note TEXT;
