package io.creditloop.system;

import io.creditloop.testsupport.LogScan;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * R16 (issue 8, data protection): after every other end-to-end test has run (the class order puts this one last,
 * see junit-platform.properties), the logs of all seven apps hold no unmasked ID number, although those tests listed
 * persons, read them back, filed objections for them and erased them.
 */
@Order(Integer.MAX_VALUE)
class LogScanIT {

    @Test
    @DisplayName("R16: no unmasked ID number in any app's log after the end-to-end run")
    void noUnmaskedIdNumberInTheLogs() throws IOException {
        Suite suite = Suite.get();
        List<Path> logs;
        try (Stream<Path> files = Files.list(suite.logDirectory())) {
            logs = files.filter(file -> file.getFileName().toString().endsWith(".log")).sorted().toList();
        }
        assertThat(logs).extracting(file -> file.getFileName().toString().replace(".log", ""))
                .containsAll(Suite.APPS);
        long bytes = 0;
        for (Path log : logs) {
            bytes += Files.size(log);
        }
        assertThat(bytes).as("the scan has something to read").isGreaterThan(10_000);
        assertThat(LogScan.scan(logs)).isEmpty();
    }
}
