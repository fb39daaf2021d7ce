package io.creditloop.identification.intake;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The checks made before anything is stored, without a database. */
class IntakeServiceTest {

    @TempDir
    Path dir;

    private IntakeService service(DataSize max) {
        IntakeProperties properties = new IntakeProperties(dir.toString(), max, DataSize.ofGigabytes(2), 0.01, 1, 500,
                20, java.time.Duration.ofSeconds(60));
        return new IntakeService(null, null, null, properties, Clock.systemUTC());
    }

    @Test
    @DisplayName("R3: a file over creditloop.intake.max-file-size is refused before a byte of it is stored")
    void tooLarge() {
        AtomicBoolean saved = new AtomicBoolean();
        IntakeService.IncomingFile big = new IntakeService.IncomingFile() {
            @Override
            public String name() {
                return "big.xlsx";
            }

            @Override
            public long size() {
                return DataSize.ofMegabytes(3).toBytes();
            }

            @Override
            public void saveTo(Path target) {
                saved.set(true);
            }
        };

        assertThatThrownBy(() -> service(DataSize.ofMegabytes(2)).receive(big, "tax", null))
                .isInstanceOf(UploadTooLargeException.class)
                .hasMessageContaining("3145728");
        assertThat(saved).isFalse();
    }

    @Test
    @DisplayName("R3: an empty file and a missing department are refused; the stored copy is removed")
    void emptyAndNoDepartment() throws IOException {
        IntakeService.IncomingFile empty = new IntakeService.IncomingFile() {
            @Override
            public String name() {
                return "empty.csv";
            }

            @Override
            public long size() {
                return 0;
            }

            @Override
            public void saveTo(Path target) throws IOException {
                Files.write(target, new byte[0]);
            }
        };
        IntakeService service = service(DataSize.ofMegabytes(200));

        assertThatThrownBy(() -> service.receive(empty, " ", null)).isInstanceOf(InvalidUploadException.class)
                .satisfies(e -> assertThat(((InvalidUploadException) e).problems().get(0).field())
                        .isEqualTo("department"));
        assertThatThrownBy(() -> service.receive(empty, "tax", null)).isInstanceOf(InvalidUploadException.class)
                .hasMessageContaining("empty");
        try (var left = Files.list(dir)) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    @DisplayName("R16: exceptions are logged with ID-number-like digits masked, the stack kept")
    void maskedForLogs() {
        IllegalStateException cause = new IllegalStateException("Failing row contains (李四, 420202198001011237, X)");
        RuntimeException error = new RuntimeException("insert failed", cause);

        MaskedException masked = MaskedException.of(error);

        assertThat(masked.getCause().getMessage()).contains("420202********1237").doesNotContain("198001011237");
        assertThat(masked.getStackTrace()).isEqualTo(error.getStackTrace());
        assertThat(MaskedException.mask("USCC 91420200MA4KLB7Q32 stays")).contains("91420200MA4KLB7Q32");
    }
}
