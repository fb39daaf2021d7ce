package io.creditloop.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * R16, issue 8 "ID numbers encrypted at rest": the one class that encrypts a piece of personal data (an ID number)
 * before it is stored and decrypts it when it is read. AES-256-GCM with a fresh 96-bit nonce per value; the stored
 * form names its key, {@code pd1:<key id>:<base64url(nonce | ciphertext | tag)>}, so keys rotate: add a new key to
 * {@code PERSONAL_DATA_KEYS}, make it current with {@code PERSONAL_DATA_KEY_ID}; values written earlier still decrypt
 * with their own key. Lookups never need decryption: they go by the keyed hash (subject key) of the ID number.
 * <p>
 * A stored value without the {@code pd1:} prefix (written before encryption was switched on) is read as it is.
 * With no key configured, a development key shipped in this jar is used with a loud warning.
 */
public final class PersonalDataCipher {

    public static final String PREFIX = "pd1:";
    private static final Logger log = LoggerFactory.getLogger(PersonalDataCipher.class);
    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9._-]{1,32}");
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    /** Public: only for a developer's machine and the tests. */
    private static final String DEV_KEY_ID = "dev";
    private static final String DEV_KEY = "Y3JlZGl0bG9vcC1kZXZlbG9wbWVudC1rZXktMzJieXQ=";

    private final Map<String, SecretKey> keys;
    private final String current;
    private final SecureRandom random = new SecureRandom();
    /**
     * One AES/GCM engine per thread, initialised afresh (new nonce) for every value: looking the algorithm up for each
     * value cost more than the encryption itself (issue 9, intake of large uploads).
     */
    private static final ThreadLocal<Cipher> ENGINE = ThreadLocal.withInitial(() -> {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/GCM is part of every JRE", e);
        }
    });

    private PersonalDataCipher(Map<String, SecretKey> keys, String current) {
        this.keys = Map.copyOf(keys);
        this.current = current;
    }

    /**
     * @param keySpec   {@code id:base64key[,id:base64key...]}, each key 32 bytes (AES-256); blank: the development key
     * @param currentId the key that encrypts from now on; blank: the first of {@code keySpec}
     */
    public static PersonalDataCipher of(String keySpec, String currentId) {
        if (keySpec == null || keySpec.isBlank()) {
            log.warn("!!! No PERSONAL_DATA_KEYS configured: ID numbers are encrypted at rest with the PUBLIC "
                    + "DEVELOPMENT key shipped in the security jar. Never run like this outside a developer's "
                    + "machine. !!!");
            keySpec = DEV_KEY_ID + ":" + DEV_KEY;
        }
        Map<String, SecretKey> keys = new LinkedHashMap<>();
        for (String entry : keySpec.split(",")) {
            String[] parts = entry.strip().split(":", 2);
            if (parts.length != 2 || !KEY_ID.matcher(parts[0]).matches()) {
                throw new IllegalArgumentException("PERSONAL_DATA_KEYS: each entry is <id>:<base64 of 32 bytes>, the "
                        + "id 1-32 of [A-Za-z0-9._-]");
            }
            byte[] key;
            try {
                key = Base64.getDecoder().decode(parts[1].strip());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("PERSONAL_DATA_KEYS: key " + parts[0] + " is not base64");
            }
            if (key.length != 32) {
                throw new IllegalArgumentException("PERSONAL_DATA_KEYS: key " + parts[0] + " has " + key.length
                        + " bytes, AES-256 needs 32");
            }
            if (keys.put(parts[0], new SecretKeySpec(key, "AES")) != null) {
                throw new IllegalArgumentException("PERSONAL_DATA_KEYS: key id " + parts[0] + " twice");
            }
        }
        String chosen = currentId == null || currentId.isBlank() ? keys.keySet().iterator().next() : currentId.strip();
        if (!keys.containsKey(chosen)) {
            throw new IllegalArgumentException("PERSONAL_DATA_KEY_ID " + chosen + " is not in PERSONAL_DATA_KEYS");
        }
        return new PersonalDataCipher(keys, chosen);
    }

    /** The value as stored: encrypted with the current key; null stays null, an encrypted value stays as it is. */
    public String encrypt(String plain) {
        if (plain == null || isEncrypted(plain)) {
            return plain;
        }
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = ENGINE.get();
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(current), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(aad(current));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            byte[] out = ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
            return PREFIX + current + ":" + Base64.getUrlEncoder().withoutPadding().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt personal data", e);
        }
    }

    /** The value as read: decrypted; null stays null, a value stored before encryption comes back as it is. */
    public String decrypt(String stored) {
        if (stored == null || !isEncrypted(stored)) {
            return stored;
        }
        int colon = stored.indexOf(':', PREFIX.length());
        if (colon < 0) {
            throw new IllegalStateException("a stored personal-data value is damaged (no key id)");
        }
        String keyId = stored.substring(PREFIX.length(), colon);
        SecretKey key = keys.get(keyId);
        if (key == null) {
            throw new IllegalStateException("personal data was encrypted with key " + keyId
                    + ", which is not in PERSONAL_DATA_KEYS (keep old keys until every value is re-encrypted)");
        }
        try {
            byte[] in = Base64.getUrlDecoder().decode(stored.substring(colon + 1));
            Cipher cipher = ENGINE.get();
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
            cipher.updateAAD(aad(keyId));
            return new String(cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("a stored personal-data value is damaged or was tampered with", e);
        }
    }

    public static boolean isEncrypted(String value) {
        return value != null && value.startsWith(PREFIX);
    }

    /** Whether a stored value was written with a key other than the current one (a candidate for re-encryption). */
    public boolean needsRotation(String stored) {
        return isEncrypted(stored) && !stored.startsWith(PREFIX + current + ":");
    }

    private static byte[] aad(String keyId) {
        return (PREFIX + keyId).getBytes(StandardCharsets.UTF_8);
    }
}
