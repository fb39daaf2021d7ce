-- R6: the recognising department answers for the record; it is told when a platform refuses it (谁认定、谁负责).
ALTER TABLE forward ADD COLUMN department TEXT;
-- R6: at-risk and overdue alarms are raised once per forward; these say when (null: not yet).
ALTER TABLE forward ADD COLUMN at_risk_raised_at TIMESTAMPTZ;
ALTER TABLE forward ADD COLUMN overdue_raised_at TIMESTAMPTZ;

-- the delivery claim walks pending forwards earliest deadline first and stops at its batch: no sort of the backlog
CREATE INDEX forward_pending_due ON forward (due_date, created_at) WHERE state = 'PENDING';
CREATE INDEX forward_dashboard ON forward (platform, state, department);

-- R6: a platform refused a record; the recognising department reads it here (and on sharing.forward.rejected.v1).
CREATE TABLE department_notice (
    notice_id       UUID PRIMARY KEY,
    department      TEXT        NOT NULL,
    forward_id      UUID        NOT NULL UNIQUE REFERENCES forward (forward_id),
    listing_id      UUID        NOT NULL,
    listing_version BIGINT      NOT NULL,
    platform        TEXT        NOT NULL,
    action          TEXT        NOT NULL,
    reason          TEXT        NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL
);
CREATE INDEX department_notice_by_department ON department_notice (department, created_at DESC);
