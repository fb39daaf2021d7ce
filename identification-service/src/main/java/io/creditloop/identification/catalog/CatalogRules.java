package io.creditloop.identification.catalog;

import io.creditloop.contracts.listing.v1.ListKind;
import io.creditloop.identification.listing.FieldProblem;
import io.creditloop.identification.listing.Validity;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * R2: what a catalog entry must say — domain, red/black/gray, the responsible department, the policy document, a
 * default validity, whether and how listings may be repaired — and that only the owning department revises it.
 * A revision is a new version; listings keep the version they were made under.
 */
public final class CatalogRules {

    private static final Set<String> REPAIR_MODES = Set.of("PUBLICATION_WITHDRAWN", "RECTIFICATION_NOTED",
            "NOT_REPAIRABLE");

    private CatalogRules() {
    }

    /**
     * @param current the list type's current version, if it exists
     * @throws InvalidListTypeException listing every invalid field
     */
    public static ListTypeEntry nextVersion(NewListTypeVersion v, Optional<ListTypeEntry> current) {
        List<FieldProblem> problems = new ArrayList<>();
        String code = text(v.code());
        if (code == null || !code.matches("[A-Z][A-Z0-9_]{2,63}")) {
            problems.add(new FieldProblem("code", "代码应为3-64位大写字母、数字或下划线 (code must be 3-64 of A-Z, 0-9, _)"));
        }
        String department = require(problems, "department", v.department());
        if (current.isPresent() && department != null && !current.get().department().equals(department)) {
            problems.add(new FieldProblem("department", "名单类型属于 " + current.get().department()
                    + "，只有认定部门可以修订 (only the owning department revises a list type)"));
        }
        String name = require(problems, "name", v.name());
        ListKind kind = null;
        String rawKind = require(problems, "kind", v.kind());
        if (rawKind != null) {
            try {
                kind = ListKind.valueOf(rawKind.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problems.add(new FieldProblem("kind", "类别应为 RED、BLACK 或 GRAY (kind must be RED, BLACK or GRAY)"));
            }
        }
        if (kind != null && current.isPresent() && current.get().kind() != kind) {
            problems.add(new FieldProblem("kind", "修订不能改变红黑灰类别，请新建名单类型 (a revision cannot change the kind; "
                    + "create a new list type)"));
        }
        String domain = require(problems, "domain", v.domain());
        // after 国办发〔2020〕49号 a list must rest on a stated legal or policy basis
        String basis = require(problems, "basis", v.basis());
        String validity = text(v.defaultValidity());
        if (validity != null) {
            try {
                Validity.parse(validity);
            } catch (IllegalArgumentException e) {
                problems.add(new FieldProblem("defaultValidity", e.getMessage()));
            }
        }
        String repairMode = require(problems, "repairMode", v.repairMode());
        if (repairMode != null && !REPAIR_MODES.contains(repairMode.toUpperCase(Locale.ROOT))) {
            problems.add(new FieldProblem("repairMode", "修复方式应为 " + REPAIR_MODES + " 之一"));
        }
        int publicityDays = v.publicityWorkingDays() == null ? 0 : v.publicityWorkingDays();
        if (publicityDays < 0 || publicityDays > 60) {
            problems.add(new FieldProblem("publicityWorkingDays", "公示期应为0至60个工作日 (publicity must be 0 to 60 working days)"));
        }
        String grayListType = text(v.grayListType());
        if (grayListType != null && kind != ListKind.BLACK) {
            problems.add(new FieldProblem("grayListType", "只有黑名单类型可设退出后转入的重点关注名单 (only a black list type "
                    + "names a gray list type for exits)"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidListTypeException(problems);
        }
        int version = current.map(c -> c.version() + 1).orElse(1);
        return new ListTypeEntry(code, version, name, kind, domain, department, basis, validity,
                repairMode.toUpperCase(Locale.ROOT), Boolean.TRUE.equals(v.grayPublished()), publicityDays,
                grayListType);
    }

    private static String require(List<FieldProblem> problems, String field, String value) {
        String text = text(value);
        if (text == null) {
            problems.add(new FieldProblem(field, field + " 为必填项 (" + field + " is required)"));
        }
        return text;
    }

    private static String text(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
