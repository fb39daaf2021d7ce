package io.creditloop.identification.listing;

/**
 * A listing as a department submits it (R3), every field as text so that a bad value is reported per field
 * rather than failing the whole request. The same shape serves JSON and spreadsheet rows.
 *
 * @param submissionId optional client key: a retried submission with the same key creates nothing twice
 * @param subjectType  ORGANISATION (法人和其他组织) or PERSON (自然人)
 * @param idType       for persons; RESIDENT_ID (居民身份证) if omitted
 * @param validity     2年, 3个月, 2017-04-20至2019-04-19, 长期 or P2Y; the catalog default if omitted
 * @param organisationCode 组织机构代码 (GB 11714), optional; must agree with the USCC when both are given
 * @param lei          ISO 17442 legal entity identifier, optional
 * @param usccVerified the department vouches for an early pilot USCC that fails its check character: accepted,
 *                     but only with a warning on the listing, never silently
 * @param note         备注
 * @param legalRepresentativeIdNumber the legal representative's resident ID number (Huangshi annex 1); stored,
 *                     never shown or published
 */
public record ListingSubmission(String submissionId, String department, String listType, String subjectType,
                                String name, String uscc, String idType, String idNumber,
                                String legalRepresentative, String reason, String basis, String recognitionDate,
                                String validity, String organisationCode, String lei, Boolean usccVerified,
                                String note, String legalRepresentativeIdNumber) {

    /** The fields of the Huangshi annex 1 template, without the optional identifiers. */
    public static ListingSubmission of(String submissionId, String department, String listType, String subjectType,
                                       String name, String uscc, String idType, String idNumber,
                                       String legalRepresentative, String reason, String basis,
                                       String recognitionDate, String validity) {
        return new ListingSubmission(submissionId, department, listType, subjectType, name, uscc, idType, idNumber,
                legalRepresentative, reason, basis, recognitionDate, validity, null, null, null, null, null);
    }
}
