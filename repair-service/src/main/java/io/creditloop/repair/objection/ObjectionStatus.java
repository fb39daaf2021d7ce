package io.creditloop.repair.objection;

/**
 * R10: the life of an objection (000 §5(一)).
 * <pre>
 * FILED ─ accepted ─► ACCEPTED ─ department: listing wrong, written opinion ─► OPINION_GIVEN ─ credit office ─► DECIDED
 *                        │  ▲                                                       │ sent back
 *                        │  └───────────────────────────────────────────────────────┘
 *                        └─ department: listing right, written reply ─► REJECTED (administrative review may follow)
 * </pre>
 */
public enum ObjectionStatus {
    FILED, ACCEPTED, OPINION_GIVEN, DECIDED, REJECTED;

    /** Verification is under way: the deadline applies. */
    public boolean pending() {
        return this == ACCEPTED || this == OPINION_GIVEN;
    }
}
