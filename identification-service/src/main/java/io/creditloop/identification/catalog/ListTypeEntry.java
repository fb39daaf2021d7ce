package io.creditloop.identification.catalog;

import io.creditloop.contracts.listing.v1.ListKind;

/**
 * A catalog entry (R2): a list type a department may recognise. A revised recognition standard is a new version;
 * listings keep the version they were made under.
 *
 * @param defaultValidity validity used when a submission gives none, in the forms {@code Validity} reads
 * @param repairMode      PUBLICATION_WITHDRAWN, RECTIFICATION_NOTED or NOT_REPAIRABLE (R12)
 * @param publicityWorkingDays publicity (公示) before confirmation, in working days; 0 confirms at once (R4, R5)
 * @param grayListType    for a black list type: the gray list type a listing moves to when it exits other than
 *                        by error (R13, 001 §17); null if none is configured
 */
public record ListTypeEntry(String code, int version, String name, ListKind kind, String domain, String department,
                            String basis, String defaultValidity, String repairMode, boolean grayPublished,
                            int publicityWorkingDays, String grayListType) {
}
