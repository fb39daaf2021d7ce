-- R11, SCALE-OUT F4: when a claimed forward is being sent. A forward cancelled while its call to the platform is in
-- flight (an erroneous listing's confirmation) may still reach the platform; the listing's exit to that platform is
-- claimed only after that call ended (or its claim ran out), so the platform always gets the erasure last.
ALTER TABLE forward ADD COLUMN in_flight_until timestamptz;
CREATE INDEX forward_in_flight_listing ON forward (listing_id, platform) WHERE in_flight_until IS NOT NULL;
