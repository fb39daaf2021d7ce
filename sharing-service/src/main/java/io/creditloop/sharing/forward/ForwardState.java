package io.creditloop.sharing.forward;

/** PENDING until the platform acknowledged (DELIVERED) or refused (REJECTED) the forward; both are final. */
public enum ForwardState {
    PENDING, DELIVERED, REJECTED
}
