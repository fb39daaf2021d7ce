-- R11 (001 §19): information about an erroneous listing is not retained. A listing marked here has its forwards
-- that have not gone out cancelled, and every forward's record replaced by a tombstone once it is final.
CREATE TABLE erroneous_listing (
    listing_id  UUID        PRIMARY KEY,
    recorded_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
ALTER TABLE forward DROP CONSTRAINT forward_state_check;
ALTER TABLE forward ADD CONSTRAINT forward_state_check CHECK (state IN ('PENDING', 'DELIVERED', 'REJECTED', 'CANCELLED'));
