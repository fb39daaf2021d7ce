package io.creditloop.repair.listing;

import io.creditloop.contracts.listing.v1.SubjectType;

import java.util.Set;

/**
 * R16: a person's name as this service may keep it: surname plus one '*' per other character (张三 → 张*, 欧阳娜娜 →
 * 欧阳**). The same rule as publication-service's board masking; organisations keep their name.
 */
final class SubjectNames {

    private static final Set<String> COMPOUND_SURNAMES = Set.of(
            "欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "尉迟", "公孙", "慕容", "令狐", "长孙", "宇文", "司徒", "夏侯",
            "端木", "南宫", "独孤", "轩辕", "钟离", "呼延", "澹台", "申屠", "万俟", "闻人", "赫连", "西门");

    private SubjectNames() {
    }

    static String masked(SubjectType type, String name) {
        String stripped = name.strip();
        if (type == SubjectType.ORGANISATION) {
            return stripped;
        }
        int[] chars = stripped.codePoints().toArray();
        if (chars.length == 0) {
            return "";
        }
        int surname = chars.length >= 3 && COMPOUND_SURNAMES.contains(new String(chars, 0, 2)) ? 2 : 1;
        return new String(chars, 0, surname) + "*".repeat(chars.length - surname);
    }
}
