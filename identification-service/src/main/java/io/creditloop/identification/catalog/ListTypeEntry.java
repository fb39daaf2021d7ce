package io.creditloop.identification.catalog;

import io.creditloop.contracts.listing.v1.ListKind;

/**
 * A catalog entry (R2): a list type a department may recognise. A revised recognition standard is a new version;
 * listings keep the version they were made under.
 *
 * @param defaultValidity validity used when a submission gives none, in the forms {@code Validity} reads
 * @param repairMode      PUBLICATION_WITHDRAWN, RECTIFICATION_NOTED or NOT_REPAIRABLE (R12)
 */
public record ListTypeEntry(String code, int version, String name, ListKind kind, String domain, String department,
                            String basis, String defaultValidity, String repairMode, boolean grayPublished) {
}
