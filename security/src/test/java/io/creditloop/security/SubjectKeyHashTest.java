package io.creditloop.security;

import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** R16: a person's key is a keyed hash of the normalised ID number, the same in every service and thread. */
class SubjectKeyHashTest {

    private static final String SECRET = "a-deployment-secret-of-some-length";

    @Test
    void theKeyIsTheHmacOfTheNormalisedNumber() throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = HexFormat.of().formatHex(mac.doFinal("11010519491231002X".getBytes(StandardCharsets.UTF_8)));

        SubjectKeyHash keys = new SubjectKeyHash(SECRET);
        assertThat(keys.of(" 11010519491231002x ")).isEqualTo(expected);
        assertThat(keys.personKey("RESIDENT_ID", "11010519491231002X")).isEqualTo("ID:RESIDENT_ID:" + expected);
        assertThat(new SubjectKeyHash(SECRET + "!").of("11010519491231002X")).isNotEqualTo(expected);
        assertThat(keys.of("11010519491231002X")).doesNotContain("11010519491231002X");
    }

    @Test
    void threadsShareNoMacState() throws Exception {
        SubjectKeyHash keys = new SubjectKeyHash(SECRET);
        List<String> numbers = IntStream.range(0, 200).mapToObj(i -> String.format("1101051949%07dX", i)).toList();
        var expected = numbers.stream().map(keys::of).toList();
        var seen = new ConcurrentHashMap<String, String>();
        var pool = Executors.newFixedThreadPool(4);
        for (int round = 0; round < 20; round++) {
            for (String n : numbers) {
                pool.execute(() -> seen.merge(n, keys.of(n), (a, b) -> a.equals(b) ? a : "MISMATCH"));
            }
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(numbers.stream().map(seen::get).toList()).isEqualTo(expected);
    }

    @Test
    void aShortSecretIsRefused() {
        assertThatThrownBy(() -> new SubjectKeyHash("too-short")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("16");
    }
}
