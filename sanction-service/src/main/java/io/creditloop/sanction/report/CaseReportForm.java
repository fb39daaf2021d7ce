package io.creditloop.sanction.report;

import java.util.List;

/**
 * R8 (004 §5(三), annex 2 联合奖惩案例报送格式): the six forms of the monthly case report, with their titles and
 * columns exactly as the annex gives them. The sheet name is the form's number and short name (a sheet name has at
 * most 31 characters); the full title heads the sheet.
 */
public enum CaseReportForm {

    JOINT_PUNISHMENT("1 失信联合惩戒案例", "1. 两个以上部门联合对失信主体实施失信惩戒措施的案例",
            List.of("序号", "地区", "惩戒对象", "黑名单类型", "失信行为", "统一社会信用代码", "发起部门", "联动部门", "惩戒措施",
                    "惩戒时间", "成效")),
    JOINT_REWARD("2 守信联合激励案例", "2. 两个以上部门联合对守信主体实施守信奖励措施的案例",
            List.of("序号", "地区", "奖励对象", "红名单类型", "统一社会信用代码", "发起部门", "联动部门", "奖励措施", "奖励时间",
                    "成效")),
    REPAIRED_EXIT("3 信用修复退出黑名单案例", "3. 失信主体在规定期限内主动修正和整改失信行为，经信用修复后退出黑名单的案例",
            List.of("序号", "地区", "失信主体", "黑名单类型", "失信行为", "统一社会信用代码", "处罚时间", "处罚期限", "修复部门",
                    "退出时间", "退出黑名单原因")),
    DEREGISTERED_EXIT("4 注销吊销退出黑名单案例", "4. 失信主体以注销、吊销等形式退出黑名单的案例",
            List.of("序号", "地区", "失信主体", "黑名单类型", "失信行为", "统一社会信用代码", "处罚时间", "吊销或注销",
                    "吊销或注销时间")),
    CREDIT_COMMITMENT("5 主动信用承诺案例", "5. 失信主体在“信用中国”网站或各级信用门户网站主动开展信用承诺的案例",
            List.of("序号", "地区", "失信主体", "黑名单类型", "失信行为", "统一社会信用代码", "处罚时间", "承诺公示地点",
                    "承诺公示网址", "承诺内容")),
    REPAIR_TRAINING("6 信用修复培训案例", "6. 失信主体主动参加信用修复培训的案例",
            List.of("序号", "地区", "失信主体", "黑名单类型", "失信行为", "统一社会信用代码", "处罚时间", "参加信用修复培训日期",
                    "信用修复培训主办方", "信用修复培训内容和结果"));

    private final String sheetName;
    private final String title;
    private final List<String> columns;

    CaseReportForm(String sheetName, String title, List<String> columns) {
        this.sheetName = sheetName;
        this.title = title;
        this.columns = columns;
    }

    public String sheetName() {
        return sheetName;
    }

    public String title() {
        return title;
    }

    public List<String> columns() {
        return columns;
    }
}
