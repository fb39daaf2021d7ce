-- The board's revision log, read by each instance's in-memory search index (BoardSearch): every write of an entry
-- takes the next revision, every deletion leaves a removal with the next revision. Writers hold the feed's advisory
-- lock (BoardChanges#lockForWriting) while they take a revision, so revisions become visible in their order and a
-- reader that has seen revision N has seen every committed revision below it. A removal names no subject (R11).
CREATE SEQUENCE board_revision;

ALTER TABLE board_entry ADD COLUMN revision BIGINT;
UPDATE board_entry SET revision = nextval('board_revision');
ALTER TABLE board_entry ALTER COLUMN revision SET DEFAULT nextval('board_revision');
ALTER TABLE board_entry ALTER COLUMN revision SET NOT NULL;
CREATE INDEX board_entry_revision ON board_entry (revision);

CREATE TABLE board_entry_removal (
    revision   BIGINT      PRIMARY KEY DEFAULT nextval('board_revision'),
    listing_id UUID        NOT NULL,
    removed_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
