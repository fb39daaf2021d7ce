package io.creditloop.publication.board;

/** An entry of the board was written or deleted in the current transaction (for {@link BoardSearch}). */
record BoardWritten() {
}
