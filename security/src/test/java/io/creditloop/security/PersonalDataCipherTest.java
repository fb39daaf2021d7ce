package io.creditloop.security;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Issue 8, R16: ID numbers encrypted at rest, rotatable keys. */
class PersonalDataCipherTest {

    private static final String ID = "420102198304040785";
    private static final String K1 = "k1:" + key(1);
    private static final String K2 = "k2:" + key(2);

    @Test
    @DisplayName("R16: a value round-trips, is not readable when stored, and differs each time (fresh nonce)")
    void roundTrip() {
        PersonalDataCipher cipher = PersonalDataCipher.of(K1, null);
        String a = cipher.encrypt(ID);
        String b = cipher.encrypt(ID);
        assertThat(a).startsWith("pd1:k1:").doesNotContain(ID).isNotEqualTo(b);
        assertThat(cipher.decrypt(a)).isEqualTo(ID);
        assertThat(cipher.decrypt(b)).isEqualTo(ID);
        assertThat(cipher.encrypt(a)).as("never twice").isEqualTo(a);
        assertThat(cipher.encrypt(null)).isNull();
        assertThat(cipher.decrypt(null)).isNull();
        assertThat(cipher.decrypt(ID)).as("a value stored before encryption").isEqualTo(ID);
    }

    @Test
    @DisplayName("R16: after a rotation new values use the new key and old ones still decrypt; a removed key fails loudly")
    void rotation() {
        String old = PersonalDataCipher.of(K1, null).encrypt(ID);
        PersonalDataCipher rotated = PersonalDataCipher.of(K1 + "," + K2, "k2");
        String fresh = rotated.encrypt(ID);
        assertThat(fresh).startsWith("pd1:k2:");
        assertThat(rotated.decrypt(old)).isEqualTo(ID);
        assertThat(rotated.needsRotation(old)).isTrue();
        assertThat(rotated.needsRotation(fresh)).isFalse();
        assertThatThrownBy(() -> PersonalDataCipher.of(K2, null).decrypt(old))
                .hasMessageContaining("key k1").hasMessageNotContaining(ID);
    }

    @Test
    @DisplayName("R16: a tampered value is refused, not decrypted to something else")
    void tampering() {
        PersonalDataCipher cipher = PersonalDataCipher.of(K1, null);
        String stored = cipher.encrypt(ID);
        char last = stored.charAt(stored.length() - 5);
        String tampered = stored.substring(0, stored.length() - 5) + (last == 'A' ? 'B' : 'A')
                + stored.substring(stored.length() - 4);
        assertThatThrownBy(() -> cipher.decrypt(tampered)).hasMessageContaining("tampered");
        // the same bytes presented as another key's are refused too (the key id is authenticated)
        String relabelled = stored.replace("pd1:k1:", "pd1:k2:");
        assertThatThrownBy(() -> PersonalDataCipher.of(K1 + "," + "k2:" + key(1), null).decrypt(relabelled))
                .hasMessageContaining("tampered");
    }

    @Test
    @DisplayName("bad key settings are refused at start-up with a clear message")
    void badSettings() {
        assertThatThrownBy(() -> PersonalDataCipher.of("k1:c2hvcnQ=", null)).hasMessageContaining("32");
        assertThatThrownBy(() -> PersonalDataCipher.of("k1:not base64!", null)).hasMessageContaining("base64");
        assertThatThrownBy(() -> PersonalDataCipher.of("k1", null)).hasMessageContaining("<id>:<base64");
        assertThatThrownBy(() -> PersonalDataCipher.of(K1, "k9")).hasMessageContaining("k9");
        assertThatThrownBy(() -> PersonalDataCipher.of(K1 + "," + K1, null)).hasMessageContaining("twice");
        assertThat(PersonalDataCipher.of("", null).encrypt(ID)).startsWith("pd1:dev:");
    }

    private static String key(int seed) {
        byte[] key = new byte[32];
        java.util.Arrays.fill(key, (byte) seed);
        return Base64.getEncoder().encodeToString(key);
    }
}
