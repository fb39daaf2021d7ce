package io.creditloop.sharing.forward;

/**
 * PENDING until the platform acknowledged (DELIVERED) or refused (REJECTED) the forward; CANCELLED when the listing
 * turned out erroneous before the forward went out (R11: it is never sent). All but PENDING are final.
 */
public enum ForwardState {
    PENDING, DELIVERED, REJECTED, CANCELLED
}
