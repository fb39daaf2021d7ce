package io.creditloop.contracts.listing.v1;

/**
 * R11: what every service writes in place of a personal or free-text value of an erroneous listing (a name, a reason,
 * a platform's rejection text), so a credit office sees the same mark in every answer and every export.
 */
public final class Erased {

    public static final String VALUE = "（已删除）";

    private Erased() {
    }
}
