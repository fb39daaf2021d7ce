package io.creditloop.sharing.inbound;

import io.creditloop.contracts.listing.v1.ListKind;
import io.creditloop.contracts.listing.v1.SubjectType;
import io.creditloop.sharing.subject.Identifiers;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class UpstreamRecordRulesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 1, 15);

    @Test
    @DisplayName("R4/R5: a court's judgment defaulter (a person) with a valid ID number is accepted, state 有效 by default")
    void personAccepted() {
        String id = Identifiers.idNumber();
        UpstreamRecord record = accepted(raw(Map.of(
                UpstreamField.UPSTREAM_ID, "(2025)鄂0102执123号", UpstreamField.LIST_NAME, "失信被执行人名单",
                UpstreamField.KIND, "黑", UpstreamField.SUBJECT_TYPE, "自然人", UpstreamField.NAME, "李四",
                UpstreamField.ID_NUMBER, id.toLowerCase(), UpstreamField.RECOGNITION_DATE, "2025年3月1日",
                UpstreamField.VALID_UNTIL, "2027/2/28")));

        assertThat(record.kind()).isEqualTo(ListKind.BLACK);
        assertThat(record.subjectType()).isEqualTo(SubjectType.PERSON);
        assertThat(record.idNumber()).isEqualTo(id.toUpperCase());
        assertThat(record.inForce()).isTrue();
        assertThat(record.recognitionDate()).isEqualTo(LocalDate.of(2025, 3, 1));
        assertThat(record.validUntil()).isEqualTo(LocalDate.of(2027, 2, 28));
        assertThat(record.toString()).doesNotContain(id);
    }

    @Test
    @DisplayName("R5: a red organisation removed at the source (已移出) is accepted as not in force")
    void removedOrganisation() {
        UpstreamRecord record = accepted(raw(Map.of(
                UpstreamField.UPSTREAM_ID, "P-1", UpstreamField.LIST_NAME, "A级纳税人名单", UpstreamField.KIND, "红名单",
                UpstreamField.SUBJECT_TYPE, "法人和其他组织", UpstreamField.NAME, "黄石某某贸易有限公司",
                UpstreamField.USCC, "91420200ma4klb7q32", UpstreamField.IN_FORCE, "已移出",
                UpstreamField.RECOGNITION_DATE, "20250301")));

        assertThat(record.kind()).isEqualTo(ListKind.RED);
        assertThat(record.inForce()).isFalse();
        assertThat(record.uscc()).isEqualTo("91420200MA4KLB7Q32");
    }

    @Test
    @DisplayName("R4/R5: every problem of a record is named by its column: check characters, dates, required fields")
    void everyProblemNamed() {
        String badId = Identifiers.withWrongCheck(Identifiers.idNumber());
        UpstreamRecordRules.Checked checked = UpstreamRecordRules.check(new RawUpstreamRecord(7, Map.of(
                UpstreamField.UPSTREAM_ID, "X-1", UpstreamField.KIND, "紫", UpstreamField.SUBJECT_TYPE, "自然人",
                UpstreamField.NAME, "王五", UpstreamField.ID_NUMBER, badId, UpstreamField.RECOGNITION_DATE, "2025-02-30",
                UpstreamField.IN_FORCE, "也许"), Map.of(UpstreamField.ID_NUMBER, "身份证号码")), TODAY);

        List<RecordProblem> problems = ((UpstreamRecordRules.Refused) checked).problems();
        assertThat(problems).extracting(RecordProblem::record).containsOnly(7);
        assertThat(problems).extracting(RecordProblem::column)
                .containsExactlyInAnyOrder("listName", "kind", "身份证号码", "recognitionDate", "inForce");
        assertThat(problems).filteredOn(p -> "身份证号码".equals(p.column())).singleElement()
                .satisfies(p -> assertThat(p.reason()).contains("校验位").contains("check character"));
        assertThat(problems).extracting(RecordProblem::reason).noneMatch(r -> r.contains(badId));
    }

    @Test
    @DisplayName("R5: an organisation needs a USCC with a correct check character and carries no ID number")
    void organisationIdentifiers() {
        Map<UpstreamField, String> values = new EnumMap<>(Map.of(UpstreamField.UPSTREAM_ID, "O-1",
                UpstreamField.LIST_NAME, "重大税收违法失信主体", UpstreamField.KIND, "BLACK",
                UpstreamField.SUBJECT_TYPE, "ORGANISATION", UpstreamField.NAME, "某公司",
                UpstreamField.USCC, "91420200MA4KLB7Q33", UpstreamField.ID_NUMBER, Identifiers.idNumber()));

        assertThat(((UpstreamRecordRules.Refused) UpstreamRecordRules.check(raw(values), TODAY)).problems())
                .extracting(RecordProblem::column).containsExactlyInAnyOrder("uscc", "idNumber");
    }

    @Test
    @DisplayName("R5: dates must be consistent: not recognised in the future, not valid until before recognition")
    void dates() {
        Map<UpstreamField, String> values = new EnumMap<>(Map.of(UpstreamField.UPSTREAM_ID, "D-1",
                UpstreamField.LIST_NAME, "失信被执行人名单", UpstreamField.KIND, "黑", UpstreamField.SUBJECT_TYPE, "法人",
                UpstreamField.NAME, "某公司", UpstreamField.USCC, "91420200MA4KLB7Q32",
                UpstreamField.RECOGNITION_DATE, "2026-01-16"));
        assertThat(((UpstreamRecordRules.Refused) UpstreamRecordRules.check(raw(values), TODAY)).problems())
                .extracting(RecordProblem::column).containsExactly("recognitionDate");

        values.put(UpstreamField.RECOGNITION_DATE, "2025-06-01");
        values.put(UpstreamField.VALID_UNTIL, "2025-05-31");
        assertThat(((UpstreamRecordRules.Refused) UpstreamRecordRules.check(raw(values), TODAY)).problems())
                .extracting(RecordProblem::column).containsExactly("validUntil");
    }

    @Test
    @DisplayName("a value that is not text (a JSON object, a control character) is refused, not stored")
    void notText() {
        Map<UpstreamField, String> values = new EnumMap<>(Map.of(UpstreamField.UPSTREAM_ID, "T-1",
                UpstreamField.LIST_NAME, "失信被执行人名单", UpstreamField.KIND, "黑", UpstreamField.SUBJECT_TYPE, "法人",
                UpstreamField.NAME, "\u0000", UpstreamField.USCC, "91420200MA4KLB7Q32"));
        assertThat(((UpstreamRecordRules.Refused) UpstreamRecordRules.check(raw(values), TODAY)).problems())
                .extracting(RecordProblem::column).containsExactly("name");
    }

    private static RawUpstreamRecord raw(Map<UpstreamField, String> values) {
        return new RawUpstreamRecord(1, values, Map.of());
    }

    private static UpstreamRecord accepted(RawUpstreamRecord raw) {
        UpstreamRecordRules.Checked checked = UpstreamRecordRules.check(raw, TODAY);
        assertThat(checked).isInstanceOf(UpstreamRecordRules.Accepted.class);
        return ((UpstreamRecordRules.Accepted) checked).record();
    }
}
