-- R11: an erroneous listing's events are erased from the outbox once relayed (Outbox#erase). listing_id is taken
-- from the event's data.listingId when it is appended; erase_after_relay marks rows still to be relayed.
-- Services are past V1 when this arrives: MessagingDefaults turns on Flyway's out-of-order for it.
ALTER TABLE outbox
    ADD COLUMN listing_id        UUID,
    ADD COLUMN erase_after_relay BOOLEAN NOT NULL DEFAULT FALSE;

UPDATE outbox SET listing_id = (payload::jsonb #>> '{data,listingId}')::uuid
WHERE payload::jsonb #>> '{data,listingId}' ~ '^[0-9a-fA-F-]{36}$';

CREATE INDEX outbox_listing ON outbox (listing_id) WHERE listing_id IS NOT NULL;
