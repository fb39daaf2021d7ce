-- The request id (X-Request-Id) an event was appended for: taken from the request or the event being handled when
-- the event is appended, put on the Kafka record by the relay. NULL for events no request caused (schedulers).
ALTER TABLE outbox ADD COLUMN request_id TEXT;
