package io.creditloop.publication.board;

import io.creditloop.contracts.listing.v1.Subject;
import io.creditloop.contracts.listing.v1.SubjectType;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MaskingTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "张三, 张*",
            "李小龙, 李**",
            "欧阳娜娜, 欧阳**",
            "司马相如, 司马**",
            "诸葛亮, 诸葛*",
            "上官婉儿, 上官**",
            "夏侯惇, 夏侯*",
            "欧阳, 欧*",
            "王, 王",
            "' 张三 ', 张*"})
    @DisplayName("R7: a person keeps the surname, every other character becomes one '*'")
    void personName(String name, String masked) {
        assertThat(Masking.personName(name)).isEqualTo(masked);
    }

    @Test
    @DisplayName("R7: a character outside the BMP counts as one character")
    void supplementaryCharacters() {
        assertThat(Masking.personName("\uD842\uDFB7一二")).isEqualTo("\uD842\uDFB7**");
        assertThat(Masking.personName("张\uD842\uDFB7")).isEqualTo("张*");
    }

    @Test
    @DisplayName("R7: a resident ID number keeps its first 6 and last 4 characters")
    void residentIdNumber() {
        assertThat(Masking.idNumber("420102199001011234")).isEqualTo("420102********1234");
        assertThat(Masking.idNumber("42010219900101123x")).isEqualTo("420102********123X");
        assertThat(Masking.idNumber(" 420102199001011234 ")).isEqualTo("420102********1234");
    }

    @Test
    @DisplayName("R7: a 15-digit number keeps 6 + 4, shorter document numbers only their last 2")
    void otherIdNumbers() {
        assertThat(Masking.idNumber("420102900101123")).isEqualTo("420102*****1123");
        assertThat(Masking.idNumber("E12345678")).isEqualTo("*******78");
        assertThat(Masking.idNumber("1234")).isEqualTo("****");
        assertThat(Masking.idNumber(null)).isNull();
        assertThat(Masking.idNumber(" ")).isNull();
    }

    @Test
    @DisplayName("R7: a natural person is published with masked name and ID number, never a USCC")
    void person() {
        Subject person = new Subject("ID:RESIDENT_ID:ab12", SubjectType.PERSON, "欧阳娜娜", null, "RESIDENT_ID",
                "420102199001011234", null);

        MaskedSubject masked = Masking.subject(person);

        assertThat(masked).isEqualTo(new MaskedSubject(SubjectType.PERSON, "欧阳**", null, "420102********1234"));
    }

    @Test
    @DisplayName("R7: an organisation keeps name and USCC; its legal representative and their ID are dropped")
    void organisation() {
        Subject org = new Subject("USCC:91420200MA4KLB7Q32", SubjectType.ORGANISATION, "黄石某某贸易有限公司",
                "91420200MA4KLB7Q32", "RESIDENT_ID", "420202198001011237", "张三");

        MaskedSubject masked = Masking.subject(org);

        assertThat(masked).isEqualTo(new MaskedSubject(SubjectType.ORGANISATION, "黄石某某贸易有限公司",
                "91420200MA4KLB7Q32", null));
        assertThat(masked.toString()).doesNotContain("420202198001011237").doesNotContain("张三");
    }

    @Test
    @DisplayName("R16: a masked subject refuses an ID number that was not masked")
    void refusesUnmaskedIdNumber() {
        assertThatThrownBy(() -> new MaskedSubject(SubjectType.PERSON, "张*", null, "420102199001011234"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("420102199001011234");
    }

    @Test
    @DisplayName("R7, R16: an ID number written into a free text (reason, basis, note) is masked there too")
    void freeText() {
        assertThat(Masking.text("当事人420102199001011234拖欠工资")).isEqualTo("当事人420102********1234拖欠工资");
        assertThat(Masking.text("身份证号 42010219900101123X；另 420102900101123 号"))
                .isEqualTo("身份证号 420102********123X；另 420102*****1123 号");
        assertThat(Masking.text("统一社会信用代码 91420200MA4KXXXX1A，案号（2024）鄂0202执123号"))
                .isEqualTo("统一社会信用代码 91420200MA4KXXXX1A，案号（2024）鄂0202执123号");
        assertThat(Masking.text(null)).isNull();
    }
}
