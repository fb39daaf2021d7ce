package io.creditloop.publication.board;

import io.creditloop.contracts.listing.v1.ListKind;
import io.creditloop.contracts.listing.v1.SubjectType;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * The columns of every table the board hands out (CSV and xlsx exports, release documents), after the report format
 * of 004 annex 1 (R3): 名单类型, 名称/姓名, 统一社会信用代码, 身份证号码, 列入名单事由, 认定部门, 认定依据, 认定日期, 有效期.
 * Built from {@link BoardEntry}, which holds masked data only; a legal representative has no column (R7).
 */
public final class BoardColumns {

    public static final List<String> HEADERS = List.of("名单类别", "名单名称", "主体类型", "名称/姓名", "统一社会信用代码",
            "身份证号码", "列入事由", "认定部门", "认定依据", "认定日期", "有效期起", "有效期至", "名单编号",
            "信用修复");

    private BoardColumns() {
    }

    public static List<String> row(BoardEntry e) {
        return Arrays.asList(kind(e.listKind()), e.listTypeName(),
                e.subjectType() == SubjectType.PERSON ? "自然人" : "法人和其他组织", e.subjectName(), e.uscc(),
                e.maskedIdNumber(), e.reason(), e.recognisingDepartment(), e.basis(), date(e.recognitionDate()),
                date(e.validFrom()), e.validUntil() == null ? "长期" : date(e.validUntil()), e.listingId().toString(),
                e.rectificationNote());
    }

    public static String kind(ListKind kind) {
        return switch (kind) {
            case RED -> "红名单";
            case BLACK -> "黑名单";
            case GRAY -> "重点关注名单";
        };
    }

    private static String date(LocalDate date) {
        return date == null ? null : date.toString();
    }
}
