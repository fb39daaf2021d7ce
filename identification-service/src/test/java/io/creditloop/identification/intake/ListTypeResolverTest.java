package io.creditloop.identification.intake;

import io.creditloop.contracts.listing.v1.ListKind;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ListTypeResolverTest {

    static final List<ListTypeResolver.Entry> CATALOG = List.of(
            new ListTypeResolver.Entry("TAX_MAJOR_VIOLATION", "重大税收违法案件当事人名单", ListKind.BLACK, "tax"),
            new ListTypeResolver.Entry("TAX_A_GRADE", "纳税信用A级纳税人名单", ListKind.RED, "tax"),
            new ListTypeResolver.Entry("WAGE_ARREARS", "拖欠农民工工资黑名单", ListKind.BLACK, "hrss"),
            new ListTypeResolver.Entry("CONSTRUCTION_WAGE_ARREARS", "工程建设领域拖欠农民工工资黑名单", ListKind.BLACK,
                    "housing"),
            new ListTypeResolver.Entry("SAFETY_PRODUCTION_BLACK", "安全生产失信联合惩戒“黑名单”", ListKind.BLACK,
                    "emergency"),
            new ListTypeResolver.Entry("MARKET_ABNORMAL_OPERATION", "经营异常名录", ListKind.GRAY, "market"));

    private final ListTypeResolver tax = new ListTypeResolver(CATALOG, "tax");

    @Test
    @DisplayName("R2: a list type is found by its code, its catalog name, or the text in 黑名单(…) as Huangshi writes it")
    void codeNameOrParenthesised() {
        assertThat(code(tax.resolve("TAX_MAJOR_VIOLATION"))).isEqualTo("TAX_MAJOR_VIOLATION");
        assertThat(code(tax.resolve("tax_a_grade"))).isEqualTo("TAX_A_GRADE");
        assertThat(code(tax.resolve("重大税收违法案件当事人名单"))).isEqualTo("TAX_MAJOR_VIOLATION");
        assertThat(code(tax.resolve("黑名单(重大税收违法案件)"))).isEqualTo("TAX_MAJOR_VIOLATION");
        assertThat(code(tax.resolve("黑名单（重大税收违法案件）"))).isEqualTo("TAX_MAJOR_VIOLATION");
        assertThat(code(tax.resolve("红名单(纳税信用A级纳税人)"))).isEqualTo("TAX_A_GRADE");
        assertThat(code(tax.resolve("黑名单(安全生产失信联合惩戒)"))).isEqualTo("SAFETY_PRODUCTION_BLACK");
    }

    @Test
    @DisplayName("R2: a matter named by two departments' lists goes to the uploading department's own")
    void departmentNarrows() {
        assertThat(code(new ListTypeResolver(CATALOG, "hrss").resolve("拖欠农民工工资"))).isEqualTo("WAGE_ARREARS");
        assertThat(code(new ListTypeResolver(CATALOG, "housing").resolve("拖欠农民工工资")))
                .isEqualTo("CONSTRUCTION_WAGE_ARREARS");
        assertThat(tax.resolve("拖欠农民工工资")).isInstanceOf(ListTypeResolver.Unresolved.class);
        assertThat(((ListTypeResolver.Unresolved) tax.resolve("拖欠农民工工资")).message())
                .contains("WAGE_ARREARS", "CONSTRUCTION_WAGE_ARREARS");
    }

    @Test
    @DisplayName("R2: text that matches no catalog name is unresolved with a message naming the text")
    void unknown() {
        ListTypeResolver.Resolution resolution = tax.resolve("黑名单(闯红灯)");

        assertThat(resolution).isInstanceOf(ListTypeResolver.Unresolved.class);
        assertThat(((ListTypeResolver.Unresolved) resolution).message()).contains("闯红灯", "/api/catalog");
    }

    @Test
    @DisplayName("R1: the kind a clerk writes: 红/黑/灰, 重点关注, 红榜/黑榜")
    void kindWritten() {
        assertThat(ListTypeResolver.kindWritten("黑名单(重大税收违法案件)")).contains(ListKind.BLACK);
        assertThat(ListTypeResolver.kindWritten("红榜")).contains(ListKind.RED);
        assertThat(ListTypeResolver.kindWritten("重点关注名单（经营异常）")).contains(ListKind.GRAY);
        assertThat(ListTypeResolver.kindWritten("拖欠农民工工资")).isEmpty();
    }

    private static String code(ListTypeResolver.Resolution resolution) {
        assertThat(resolution).isInstanceOf(ListTypeResolver.Found.class);
        return ((ListTypeResolver.Found) resolution).entry().code();
    }
}
