package io.creditloop.system;

import io.creditloop.testsupport.Identifiers;
import io.creditloop.testsupport.LogScan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** R16: the log scan that {@link LogScanIT} runs over the whole suite's logs finds what it must and only that. */
class LogScanTest {

    @Test
    void findsAnIdNumberWhereverItStandsInALine() {
        String id = Identifiers.residentId();
        assertThat(LogScan.idNumbers("subject " + id + " listed")).containsExactly(id);
        assertThat(LogScan.idNumbers("{\"idNumber\":\"" + id + "\"}")).containsExactly(id);
        assertThat(LogScan.idNumbers("key=" + id.toLowerCase())).containsExactly(id.toUpperCase());
    }

    @Test
    void ignoresMaskedNumbersWrongChecksLongerNumbersAndCompanyCodes() {
        String id = Identifiers.residentId();
        String wrongCheck = id.substring(0, 17) + (id.charAt(17) == '0' ? '1' : '0');
        assertThat(LogScan.idNumbers(id.substring(0, 6) + "********" + id.substring(14))).isEmpty();
        assertThat(LogScan.idNumbers("id " + wrongCheck)).isEmpty();
        assertThat(LogScan.idNumbers("offset 7" + id)).isEmpty();
        assertThat(LogScan.idNumbers("trace " + id + "7")).isEmpty();
        assertThat(LogScan.idNumbers("uscc " + Identifiers.uscc())).isEmpty();
        // a right check character but no real birth date (month 13)
        assertThat(LogScan.idNumbers(withCheck("42010219901301123"))).isEmpty();
        assertThat(LogScan.idNumbers(withCheck("42010219900101123"))).hasSize(1);
    }

    @Test
    void aHitNamesFileAndLineButShowsTheNumberMasked(@TempDir Path dir) throws IOException {
        String id = Identifiers.residentId();
        Path log = dir.resolve("app.log");
        Files.write(log, List.of("started", "listing of " + id, "done"));
        List<LogScan.Hit> hits = LogScan.scan(List.of(log));
        assertThat(hits).hasSize(1);
        assertThat(hits.get(0).line()).isEqualTo(2);
        assertThat(hits.get(0).toString()).doesNotContain(id)
                .contains(id.substring(0, 6) + "********" + id.substring(14));
    }

    private static String withCheck(String body) {
        return body + Identifiers.idCheckCharacter(body);
    }
}
