package io.creditloop.identification.listing;

import io.creditloop.contracts.listing.v1.SubjectType;
import io.creditloop.identification.catalog.ListTypeEntry;
import io.creditloop.identification.subject.IdNumber;
import io.creditloop.identification.subject.Lei;
import io.creditloop.identification.subject.OrganisationCode;
import io.creditloop.identification.subject.PersonKeys;
import io.creditloop.identification.subject.SubjectKey;
import io.creditloop.identification.subject.Uscc;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * R3: what a listing record must contain, by subject type, and that its identifiers are genuine (USCC per
 * GB 32100-2015, organisation code per GB 11714-1997, ID number per GB 11643-1999, LEI per ISO 17442); R2: the list type exists in the catalog and is owned by the
 * submitting department. Every problem is reported with its field, all at once, so a clerk fixes a row in one go.
 */
public final class RecordContentRules {

    static final String RESIDENT_ID = "RESIDENT_ID";
    private static final int MAX_TEXT = 2000;
    private static final int MAX_NAME = 200;

    private RecordContentRules() {
    }

    /**
     * @param catalog current catalog entry by list type code
     * @param today   the deployment's date, to refuse recognition dates in the future
     * @param personKeys the deployment's keyed hash for natural persons (R16)
     * @throws InvalidListingException listing every invalid field
     */
    public static Listing accept(ListingSubmission s, Function<String, Optional<ListTypeEntry>> catalog,
                                 LocalDate today, PersonKeys personKeys) {
        List<FieldProblem> problems = new ArrayList<>();

        String department = required(problems, "department", s.department(), 64);
        ListTypeEntry listType = null;
        String listTypeCode = required(problems, "listType", s.listType(), 64);
        if (listTypeCode != null) {
            listType = catalog.apply(listTypeCode).orElse(null);
            if (listType == null) {
                problems.add(new FieldProblem("listType", "目录中没有名单类型 " + listTypeCode
                        + " (unknown list type; see GET /api/catalog/list-types)"));
            } else if (department != null && !listType.department().equals(department)) {
                problems.add(new FieldProblem("listType", "名单类型 " + listTypeCode + " 属于 " + listType.department()
                        + "，" + department + " 无权认定 (list type is owned by another department)"));
            }
        }

        SubjectType subjectType = subjectType(problems, s.subjectType());
        String name = required(problems, "name", s.name(), MAX_NAME);
        String uscc = null;
        String idType = null;
        String idNumber = null;
        String key = null;
        List<String> warnings = new ArrayList<>();
        String organisationCode = null;
        String lei = null;
        if (subjectType == SubjectType.ORGANISATION) {
            // bodies registered before the USCC reform may carry only an organisation code (Daye annex 4)
            String raw = blank(s.organisationCode()) ? required(problems, "uscc", s.uscc(), 32)
                    : optional(problems, "uscc", s.uscc(), 32);
            if (raw != null) {
                String problem = Uscc.problem(raw);
                if (problem == null) {
                    uscc = Uscc.of(raw).value();
                } else if (Boolean.TRUE.equals(s.usccVerified()) && Uscc.onlyCheckCharacterWrong(raw)) {
                    uscc = Uscc.normalise(raw);
                    warnings.add("PILOT_USCC: 统一社会信用代码校验位不符，经认定部门核实后接受 (USCC check character fails; "
                            + "accepted as an early pilot code the department verified)");
                } else {
                    problems.add(new FieldProblem("uscc", Boolean.TRUE.equals(s.usccVerified()) ? problem
                            : problem + "; 试点期间赋码请核实后标记 usccVerified (mark a verified early pilot code usccVerified)"));
                }
                if (uscc != null) {
                    key = SubjectKey.ofOrganisation(uscc);
                }
            }
            organisationCode = organisationCode(problems, s.organisationCode(), uscc);
            if (key == null && uscc == null && organisationCode != null) {
                key = SubjectKey.ofOrganisationCode(organisationCode);
            }
            lei = lei(problems, s.lei());
        } else if (subjectType == SubjectType.PERSON) {
            idType = blank(s.idType()) ? RESIDENT_ID : s.idType().strip().toUpperCase(Locale.ROOT);
            String raw = required(problems, "idNumber", s.idNumber(), 32);
            if (raw != null) {
                if (RESIDENT_ID.equals(idType)) {
                    String problem = IdNumber.problem(raw, today);
                    if (problem == null) {
                        idNumber = new IdNumber(raw).value();
                    } else {
                        problems.add(new FieldProblem("idNumber", problem));
                    }
                } else {
                    idNumber = raw.strip();
                }
                if (idNumber != null) {
                    key = personKeys.of(idType, idNumber);
                }
            }
        }
        String legalRepresentative = optional(problems, "legalRepresentative", s.legalRepresentative(), MAX_NAME);
        String legalRepresentativeId = null;
        if (!blank(s.legalRepresentativeIdNumber())) {
            String problem = IdNumber.problem(s.legalRepresentativeIdNumber(), today);
            if (problem == null) {
                legalRepresentativeId = new IdNumber(s.legalRepresentativeIdNumber()).value();
            } else {
                problems.add(new FieldProblem("legalRepresentativeIdNumber", problem));
            }
        }
        String reason = required(problems, "reason", s.reason(), MAX_TEXT);
        // the policy basis defaults to the catalog's (Daye annex 4 has no basis column)
        String basis = blank(s.basis()) && listType != null ? listType.basis()
                : required(problems, "basis", s.basis(), MAX_TEXT);

        LocalDate recognitionDate = null;
        String rawDate = required(problems, "recognitionDate", s.recognitionDate(), 32);
        if (rawDate != null) {
            try {
                recognitionDate = Dates.parse(rawDate);
                if (recognitionDate.isAfter(today)) {
                    problems.add(new FieldProblem("recognitionDate", "认定日期不能晚于今天 (recognition date is in the future)"));
                    recognitionDate = null;
                }
            } catch (IllegalArgumentException e) {
                problems.add(new FieldProblem("recognitionDate", e.getMessage()));
            }
        }

        Validity validity = null;
        String rawValidity = blank(s.validity()) && listType != null ? listType.defaultValidity() : s.validity();
        if (blank(rawValidity)) {
            if (listType != null) {
                problems.add(new FieldProblem("validity", "有效期为空且名单类型没有默认有效期 (validity is required)"));
            }
        } else {
            try {
                validity = Validity.parse(rawValidity);
            } catch (IllegalArgumentException e) {
                problems.add(new FieldProblem("validity", e.getMessage()));
            }
        }
        LocalDate validUntil = null;
        if (validity != null && recognitionDate != null) {
            validUntil = validity.lastDayFrom(recognitionDate).orElse(null);
            if (validUntil != null && validUntil.isBefore(recognitionDate)) {
                problems.add(new FieldProblem("validity", "有效期结束日早于认定日期 (validity ends before the recognition date)"));
            }
        }
        String submissionId = optional(problems, "submissionId", s.submissionId(), 128);
        String note = optional(problems, "note", s.note(), MAX_TEXT);

        if (!problems.isEmpty()) {
            throw new InvalidListingException(problems);
        }
        ListedSubject subject = new ListedSubject(subjectType, name, uscc, idType, idNumber, legalRepresentative, key,
                organisationCode, lei, legalRepresentativeId);
        return Listing.recorded(submissionId, listType, subject, reason, basis, department, recognitionDate,
                validUntil, note, warnings);
    }

    /** GB 11714 check, and agreement with positions 9-17 of the USCC when both are given. */
    private static String organisationCode(List<FieldProblem> problems, String raw, String uscc) {
        if (blank(raw)) {
            return null;
        }
        String problem = OrganisationCode.problem(raw);
        if (problem != null) {
            problems.add(new FieldProblem("organisationCode", problem));
            return null;
        }
        String code = OrganisationCode.normalise(raw);
        if (uscc != null && !uscc.substring(8, 17).equals(code)) {
            problems.add(new FieldProblem("organisationCode", "组织机构代码与统一社会信用代码第9-17位不一致 (organisation "
                    + "code differs from characters 9-17 of the USCC)"));
            return null;
        }
        return code;
    }

    private static String lei(List<FieldProblem> problems, String raw) {
        if (blank(raw)) {
            return null;
        }
        String problem = Lei.problem(raw);
        if (problem != null) {
            problems.add(new FieldProblem("lei", problem));
            return null;
        }
        return Lei.normalise(raw);
    }

    private static SubjectType subjectType(List<FieldProblem> problems, String raw) {
        if (blank(raw)) {
            problems.add(new FieldProblem("subjectType", "主体类型为空 (subjectType is required: ORGANISATION or PERSON)"));
            return null;
        }
        try {
            return SubjectType.valueOf(raw.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem("subjectType", "主体类型应为 ORGANISATION 或 PERSON (subjectType must be ORGANISATION or PERSON)"));
            return null;
        }
    }

    private static String required(List<FieldProblem> problems, String field, String value, int max) {
        if (blank(value)) {
            problems.add(new FieldProblem(field, field + " 为必填项 (" + field + " is required)"));
            return null;
        }
        return optional(problems, field, value, max);
    }

    private static String optional(List<FieldProblem> problems, String field, String value, int max) {
        if (blank(value)) {
            return null;
        }
        String text = value.strip();
        if (text.length() > max) {
            problems.add(new FieldProblem(field, field + " 超过 " + max + " 个字符 (" + field + " is longer than " + max
                    + " characters)"));
            return null;
        }
        return text;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
