package io.creditloop.repair.objection;

/** R10: the life of an objection. Verification and its outcome (wrong → corrected/revoked, right → reply) follow. */
public enum ObjectionStatus {
    FILED
}
