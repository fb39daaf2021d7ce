package io.creditloop.contracts.listing.v1;

/** 信用主体: a legal person or other organisation (法人和其他组织), or a natural person (自然人). */
public enum SubjectType {
    ORGANISATION, PERSON
}
