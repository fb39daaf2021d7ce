-- The request id (X-Request-Id) of the listing event a forward was recorded for: the delivery, a scheduler, records
-- its outcome (forward.delivered / rejected) in that request's name, so a department's call is traced to the platforms.
ALTER TABLE forward ADD COLUMN request_id TEXT;
