-- R16: who may call through the gateway. Secrets are stored only as BCrypt hashes; a rotation keeps the previous
-- hash valid until previous_valid_until (grace period); a revoked client gets no token and its tokens stop working.
CREATE TABLE client (
    client_id            text PRIMARY KEY,
    kind                 text        NOT NULL CHECK (kind IN ('DEPARTMENT', 'AGENCY', 'CREDIT_OFFICE')),
    code                 text        NOT NULL,
    name                 text        NOT NULL,
    secret_hash          text        NOT NULL,
    previous_secret_hash text,
    previous_valid_until timestamptz,
    created_at           timestamptz NOT NULL DEFAULT now(),
    rotated_at           timestamptz,
    revoked_at           timestamptz
);
