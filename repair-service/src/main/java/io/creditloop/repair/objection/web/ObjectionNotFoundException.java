package io.creditloop.repair.objection.web;

import java.util.UUID;

class ObjectionNotFoundException extends RuntimeException {

    ObjectionNotFoundException(UUID id) {
        super("objection " + id + " is not known");
    }
}
