package io.creditloop.testsupport;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * R16, "never log an unmasked ID number": finds what looks like a resident ID number (GB 11643: 17 digits and a
 * MOD 11-2 check character that is right, a real birth date at positions 7-14) in log files. A hit names the file,
 * the line and the masked form only, so a failing test does not print the number it found.
 */
public final class LogScan {

    /** An unmasked ID number at {@code file}:{@code line}, shown masked (first 6, last 4). */
    public record Hit(Path file, long line, String masked) {
        @Override
        public String toString() {
            return file.getFileName() + ":" + line + " holds an unmasked ID number " + masked;
        }
    }

    private static final Pattern CANDIDATE = Pattern.compile("(?<![0-9A-Za-z])\\d{17}[0-9Xx](?![0-9A-Za-z])");

    private LogScan() {
    }

    /** Every hit in the files, read as UTF-8 (undecodable bytes replaced). */
    public static List<Hit> scan(List<Path> files) {
        List<Hit> hits = new ArrayList<>();
        for (Path file : files) {
            try (BufferedReader reader = new BufferedReader(new java.io.InputStreamReader(Files.newInputStream(file),
                    StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                            .onUnmappableCharacter(CodingErrorAction.REPLACE)))) {
                String line;
                long number = 0;
                while ((line = reader.readLine()) != null) {
                    number++;
                    for (String id : idNumbers(line)) {
                        hits.add(new Hit(file, number, id.substring(0, 6) + "********" + id.substring(14)));
                    }
                }
            } catch (CharacterCodingException e) {
                throw new IllegalStateException("cannot decode " + file, e);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
        }
        return hits;
    }

    /** The ID numbers in one line of text. */
    public static List<String> idNumbers(String text) {
        List<String> found = new ArrayList<>();
        Matcher matcher = CANDIDATE.matcher(text);
        while (matcher.find()) {
            String candidate = matcher.group().toUpperCase();
            if (isIdNumber(candidate)) {
                found.add(candidate);
            }
        }
        return found;
    }

    static boolean isIdNumber(String candidate) {
        if (Identifiers.idCheckCharacter(candidate) != candidate.charAt(17)) {
            return false;
        }
        try {
            LocalDate birth = LocalDate.of(Integer.parseInt(candidate.substring(6, 10)),
                    Integer.parseInt(candidate.substring(10, 12)), Integer.parseInt(candidate.substring(12, 14)));
            return birth.getYear() >= 1900 && !birth.isAfter(LocalDate.now());
        } catch (DateTimeException e) {
            return false;
        }
    }
}
