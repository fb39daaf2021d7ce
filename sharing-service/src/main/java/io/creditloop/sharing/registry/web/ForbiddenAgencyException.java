package io.creditloop.sharing.registry.web;

/** R16: the agency is not authorised for this (the query, or the review of the register). */
class ForbiddenAgencyException extends RuntimeException {

    ForbiddenAgencyException(String message) {
        super(message, null, false, false);
    }
}
