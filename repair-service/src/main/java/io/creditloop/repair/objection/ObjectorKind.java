package io.creditloop.repair.objection;

/** R10: who objects: the listed subject itself or an agency (another department, an enforcing agency). */
public enum ObjectorKind {
    SUBJECT, AGENCY
}
