-- Several instances may run intake: a running upload belongs to the instance whose heartbeat is fresh. The heartbeat
-- moves with every chunk written; an upload whose heartbeat is older than creditloop.intake.lease-timeout was left by
-- an instance that died, and is queued again (it resumes after its last chunk).
ALTER TABLE intake_upload ADD COLUMN heartbeat_at TIMESTAMPTZ;
