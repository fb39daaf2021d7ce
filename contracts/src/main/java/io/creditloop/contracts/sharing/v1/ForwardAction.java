package io.creditloop.contracts.sharing.v1;

/** What was forwarded upstream. */
public enum ForwardAction {
    LISTING, EXIT, CORRECTION
}
