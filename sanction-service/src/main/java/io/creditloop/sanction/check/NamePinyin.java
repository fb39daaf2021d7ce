package io.creditloop.sanction.check;

import net.sourceforge.pinyin4j.PinyinHelper;
import net.sourceforge.pinyin4j.format.HanyuPinyinCaseType;
import net.sourceforge.pinyin4j.format.HanyuPinyinOutputFormat;
import net.sourceforge.pinyin4j.format.HanyuPinyinToneType;
import net.sourceforge.pinyin4j.format.HanyuPinyinVCharType;
import net.sourceforge.pinyin4j.format.exception.BadHanyuPinyinOutputFormatCombination;

import java.util.Locale;

/**
 * The pinyin of a subject name, so a clerk who types latin letters finds the Chinese name: 黄石 is {@code huangshi}
 * in full and {@code hs} by initials. Tones are dropped and ü is written {@code v}, as on a keyboard; a character
 * with several readings takes its first (most common) one. Latin letters and digits in the name are kept, lower
 * case; everything else (brackets, spaces, punctuation) is left out.
 *
 * @param full     e.g. {@code huangshimaoyiyouxiangongsi}
 * @param initials e.g. {@code hsmyyxgs}
 */
public record NamePinyin(String full, String initials) {

    private static final HanyuPinyinOutputFormat FORMAT = new HanyuPinyinOutputFormat();

    static {
        FORMAT.setCaseType(HanyuPinyinCaseType.LOWERCASE);
        FORMAT.setToneType(HanyuPinyinToneType.WITHOUT_TONE);
        FORMAT.setVCharType(HanyuPinyinVCharType.WITH_V);
    }

    public static NamePinyin of(String name) {
        StringBuilder full = new StringBuilder(name.length() * 4);
        StringBuilder initials = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            String syllable = syllable(c);
            if (syllable != null) {
                full.append(syllable);
                initials.append(syllable.charAt(0));
            } else if (c < 128 && Character.isLetterOrDigit(c)) {
                char lower = Character.toLowerCase(c);
                full.append(lower);
                initials.append(lower);
            }
        }
        return new NamePinyin(full.toString(), initials.toString());
    }

    /** Whether a query is typed in latin letters (and digits), so it is to be matched against the pinyin. */
    public static boolean isLatin(String query) {
        return !query.isEmpty() && query.chars().allMatch(c -> c < 128 && Character.isLetterOrDigit(c));
    }

    /** A latin query as stored pinyin is written: lower case, no spaces or apostrophes (xi'an). */
    public static String normalisedLatin(String query) {
        return query.replaceAll("[\\s'’]", "").toLowerCase(Locale.ROOT);
    }

    private static String syllable(char c) {
        if (Character.UnicodeScript.of(c) != Character.UnicodeScript.HAN) {
            return null;
        }
        try {
            String[] readings = PinyinHelper.toHanyuPinyinStringArray(c, FORMAT);
            return readings == null || readings.length == 0 ? null : readings[0];
        } catch (BadHanyuPinyinOutputFormatCombination e) {
            throw new IllegalStateException("lower case, no tone, v for ü is a valid pinyin format", e);
        }
    }
}
