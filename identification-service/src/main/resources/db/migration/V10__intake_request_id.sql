-- The request id (X-Request-Id) of the upload: the background worker processes the upload in its name, so the
-- listings it creates, their outbox events and what other services make of them are traced to that request.
ALTER TABLE intake_upload ADD COLUMN request_id TEXT;
