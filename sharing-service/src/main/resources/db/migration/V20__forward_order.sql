-- SCALE-OUT F4: a forward is claimed only when no older forward of its listing to the same platform is pending, so a
-- platform gets a listing's confirmation before its exit whatever the number of workers and instances.
CREATE INDEX forward_pending_listing ON forward (listing_id, platform, listing_version, created_at)
    WHERE state = 'PENDING';
