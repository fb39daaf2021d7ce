package io.creditloop.gateway.access;

import io.creditloop.security.Caller;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The gateway's clients (R16), schema {@code gateway}. A secret is shown once, when it is made, and kept only as a
 * BCrypt hash; a rotation makes a new secret and keeps the previous one valid for a grace period; a revocation
 * ends the client at once (its tokens stop working on their next request).
 */
@Repository
public class ClientRegistry {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]{1,63}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final BCryptPasswordEncoder encoder = new BCryptPasswordEncoder();
    private final Clock clock;

    @org.springframework.beans.factory.annotation.Autowired
    public ClientRegistry(JdbcClient jdbc) {
        this(jdbc, Clock.systemUTC());
    }

    ClientRegistry(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A new client; returns its secret (the only time it is seen). */
    public String register(String clientId, Caller.Kind kind, String code, String name) {
        validate(clientId, kind, code);
        String secret = newSecret();
        registerWithSecret(clientId, kind, code, name, secret);
        return secret;
    }

    /** A client with a given secret (the development bootstrap client only). */
    public void registerWithSecret(String clientId, Caller.Kind kind, String code, String name, String secret) {
        validate(clientId, kind, code);
        jdbc.sql("""
                        INSERT INTO client (client_id, kind, code, name, secret_hash, created_at)
                        VALUES (:id, :kind, :code, :name, :hash, :now)""")
                .param("id", clientId).param("kind", kind.name()).param("code", code)
                .param("name", name == null || name.isBlank() ? clientId : name.strip())
                .param("hash", encoder.encode(secret)).param("now", Timestamp.from(clock.instant()))
                .update();
    }

    public Optional<Client> find(String clientId) {
        return jdbc.sql("SELECT * FROM client WHERE client_id = :id").param("id", clientId)
                .query(ClientRegistry::client).optional();
    }

    public List<Client> all() {
        return jdbc.sql("SELECT * FROM client ORDER BY client_id").query(ClientRegistry::client).list();
    }

    /** The active client whose current (or, within its grace period, previous) secret this is. */
    public Optional<Client> authenticate(String clientId, String secret) {
        if (clientId == null || secret == null || secret.isEmpty()) {
            return Optional.empty();
        }
        record Hashes(String current, String previous, Timestamp previousUntil) {
        }
        Optional<Hashes> hashes = jdbc.sql("""
                        SELECT secret_hash, previous_secret_hash, previous_valid_until FROM client
                        WHERE client_id = :id AND revoked_at IS NULL""")
                .param("id", clientId)
                .query((rs, n) -> new Hashes(rs.getString(1), rs.getString(2), rs.getTimestamp(3))).optional();
        if (hashes.isEmpty()) {
            encoder.matches(secret, DUMMY); // same work whether or not the client exists
            return Optional.empty();
        }
        Hashes h = hashes.get();
        boolean ok = encoder.matches(secret, h.current())
                || (h.previous() != null && h.previousUntil() != null
                && h.previousUntil().toInstant().isAfter(clock.instant()) && encoder.matches(secret, h.previous()));
        return ok ? find(clientId) : Optional.empty();
    }

    /** A new secret; the current one stays valid for {@code grace}. Empty when no such active client. */
    @Transactional
    public Optional<String> rotate(String clientId, Duration grace) {
        String secret = newSecret();
        Instant now = clock.instant();
        int changed = jdbc.sql("""
                        UPDATE client SET previous_secret_hash = secret_hash, previous_valid_until = :until,
                               secret_hash = :hash, rotated_at = :now
                        WHERE client_id = :id AND revoked_at IS NULL""")
                .param("until", Timestamp.from(now.plus(grace))).param("hash", encoder.encode(secret))
                .param("now", Timestamp.from(now)).param("id", clientId).update();
        return changed == 1 ? Optional.of(secret) : Optional.empty();
    }

    /** Revokes the client and every secret it had; true if it was active. */
    public boolean revoke(String clientId) {
        return jdbc.sql("""
                        UPDATE client SET revoked_at = :now, previous_secret_hash = NULL, previous_valid_until = NULL
                        WHERE client_id = :id AND revoked_at IS NULL""")
                .param("now", Timestamp.from(clock.instant())).param("id", clientId).update() == 1;
    }

    public boolean active(String clientId) {
        return jdbc.sql("SELECT count(*) FROM client WHERE client_id = :id AND revoked_at IS NULL")
                .param("id", clientId).query(Integer.class).single() == 1;
    }

    private static void validate(String clientId, Caller.Kind kind, String code) {
        if (clientId == null || !ID.matcher(clientId).matches()) {
            throw new IllegalArgumentException("clientId: 2-64 characters a-z, 0-9, '.', '_', '-'");
        }
        if (kind != Caller.Kind.DEPARTMENT && kind != Caller.Kind.AGENCY && kind != Caller.Kind.CREDIT_OFFICE) {
            throw new IllegalArgumentException("kind: DEPARTMENT, AGENCY or CREDIT_OFFICE");
        }
        if (code == null || !ID.matcher(code).matches()) {
            throw new IllegalArgumentException("code: the department's or agency's code, 2-64 characters a-z, 0-9, '.', '_', '-'");
        }
    }

    private static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static final String DUMMY = new BCryptPasswordEncoder().encode("no such client");

    private static Client client(ResultSet rs, int row) throws SQLException {
        return new Client(rs.getString("client_id"), Caller.Kind.valueOf(rs.getString("kind")), rs.getString("code"),
                rs.getString("name"), instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("rotated_at")),
                instant(rs.getTimestamp("revoked_at")));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
