package io.creditloop.identification.catalog;

/**
 * A list type as its owning department defines it (R2): a new list type, or a revised recognition standard
 * published as its next version. Every field as text so each bad value is reported per field.
 *
 * @param repairMode PUBLICATION_WITHDRAWN, RECTIFICATION_NOTED or NOT_REPAIRABLE (R12)
 * @param publicityWorkingDays publicity before confirmation in working days (R4, R5); 0 or absent: none
 * @param grayListType black types only: the gray list type an exit moves the subject to (R13)
 */
public record NewListTypeVersion(String code, String department, String name, String kind, String domain,
                                 String basis, String defaultValidity, String repairMode, Boolean grayPublished,
                                 String description, Integer publicityWorkingDays, String grayListType) {
}
