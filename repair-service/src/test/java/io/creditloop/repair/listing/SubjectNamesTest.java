package io.creditloop.repair.listing;

import io.creditloop.contracts.listing.v1.SubjectType;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SubjectNamesTest {

    @Test
    @DisplayName("R16: a person's name is kept masked, surname (also compound) only")
    void person() {
        assertThat(SubjectNames.masked(SubjectType.PERSON, "张三")).isEqualTo("张*");
        assertThat(SubjectNames.masked(SubjectType.PERSON, "欧阳娜娜")).isEqualTo("欧阳**");
        assertThat(SubjectNames.masked(SubjectType.PERSON, " 诸葛亮 ")).isEqualTo("诸葛*");
    }

    @Test
    @DisplayName("R16: an organisation keeps its name")
    void organisation() {
        assertThat(SubjectNames.masked(SubjectType.ORGANISATION, "黄石某某贸易有限公司")).isEqualTo("黄石某某贸易有限公司");
    }
}
