package io.creditloop.contracts.listing.v1;

/** R1: red (守信联合激励对象), black (失信联合惩戒对象), gray / key attention (重点关注名单). */
public enum ListKind {
    RED, BLACK, GRAY
}
