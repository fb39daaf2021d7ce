-- R4/R5/R13: listings made upstream (provincial and national platforms, the courts), received through
-- sharing-service's sharing.upstream.listings topic. Only what the cross-checks need: no name, no ID number.
CREATE TABLE upstream_listing (
    platform     TEXT        NOT NULL,
    upstream_id  TEXT        NOT NULL,
    revision     BIGINT      NOT NULL,
    list_name    TEXT        NOT NULL,
    kind         TEXT        NOT NULL CHECK (kind IN ('RED', 'BLACK', 'GRAY')),
    in_force     BOOLEAN     NOT NULL,
    subject_key  TEXT        NOT NULL,
    valid_until  DATE,
    received_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (platform, upstream_id)
);
CREATE INDEX upstream_listing_subject ON upstream_listing (subject_key) WHERE in_force;
