-- R6: one row per listing change (listing, exit, correction) and upstream platform, written before any attempt.
CREATE TABLE forward (
    forward_id       UUID PRIMARY KEY,
    listing_id       UUID        NOT NULL,
    listing_version  BIGINT      NOT NULL,
    platform         TEXT        NOT NULL,
    action           TEXT        NOT NULL CHECK (action IN ('LISTING', 'EXIT', 'CORRECTION')),
    payload          JSON        NOT NULL,
    due_date         DATE        NOT NULL,
    state            TEXT        NOT NULL CHECK (state IN ('PENDING', 'DELIVERED', 'REJECTED')),
    attempts         INT         NOT NULL DEFAULT 0,
    -- pending only: not to be attempted before then (a retry's backoff, or the lease of a claim in progress)
    next_attempt_at  TIMESTAMPTZ,
    acknowledgement  TEXT,
    rejection_reason TEXT,
    last_error       TEXT,
    created_at       TIMESTAMPTZ NOT NULL,
    updated_at       TIMESTAMPTZ NOT NULL,
    delivered_at     TIMESTAMPTZ,
    rejected_at      TIMESTAMPTZ,
    UNIQUE (listing_id, listing_version, platform)
);

CREATE INDEX forward_due ON forward (next_attempt_at) WHERE state = 'PENDING';
