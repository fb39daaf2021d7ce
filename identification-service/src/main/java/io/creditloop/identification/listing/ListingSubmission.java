package io.creditloop.identification.listing;

/**
 * A listing as a department submits it (R3), every field as text so that a bad value is reported per field
 * rather than failing the whole request. The same shape serves JSON and spreadsheet rows.
 *
 * @param submissionId optional client key: a retried submission with the same key creates nothing twice
 * @param subjectType  ORGANISATION (法人和其他组织) or PERSON (自然人)
 * @param idType       for persons; RESIDENT_ID (居民身份证) if omitted
 * @param validity     2年, 3个月, 2017-04-20至2019-04-19, 长期 or P2Y; the catalog default if omitted
 */
public record ListingSubmission(String submissionId, String department, String listType, String subjectType,
                                String name, String uscc, String idType, String idNumber,
                                String legalRepresentative, String reason, String basis, String recognitionDate,
                                String validity) {
}
