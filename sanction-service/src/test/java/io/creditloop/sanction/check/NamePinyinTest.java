package io.creditloop.sanction.check;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NamePinyinTest {

    @Test
    @DisplayName("a Chinese name in full pinyin and initials: 黄石 is huangshi and hs")
    void pinyin() {
        assertThat(NamePinyin.of("黄石")).isEqualTo(new NamePinyin("huangshi", "hs"));
        assertThat(NamePinyin.of("黄石（A2）贸易有限公司"))
                .isEqualTo(new NamePinyin("huangshia2maoyiyouxiangongsi", "hsa2myyxgs"));
    }

    @Test
    @DisplayName("ü is typed v, and homophones share their pinyin")
    void keyboardPinyin() {
        assertThat(NamePinyin.of("吕").full()).isEqualTo("lv");
        assertThat(NamePinyin.of("黄实").full()).isEqualTo(NamePinyin.of("黄石").full());
    }

    @Test
    @DisplayName("latin queries are recognised and written as stored pinyin")
    void latinQueries() {
        assertThat(NamePinyin.isLatin(NamePinyin.normalisedLatin("Huang Shi"))).isTrue();
        assertThat(NamePinyin.normalisedLatin("Xi'an")).isEqualTo("xian");
        assertThat(NamePinyin.isLatin("黄石")).isFalse();
        assertThat(NamePinyin.isLatin("")).isFalse();
    }
}
