package io.creditloop.messaging;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.UUID;

/**
 * Many rows for one table, written with PostgreSQL's {@code COPY … FROM STDIN} (text format) on the connection of the
 * current transaction, so they commit or roll back with everything else it writes. Issue 9: a chunk of intake rows
 * costs the database and the driver far less this way than as parameterised INSERTs; the rows, their defaults,
 * constraints, foreign keys and unique indexes are exactly those of an INSERT, and a violation surfaces as the same
 * Spring {@code DataAccessException} (a {@code DuplicateKeyException} for a unique index).
 * <p>
 * Values: {@code null}, {@link String}, {@link UUID}, {@link Number}, {@link Boolean}, {@link LocalDate} and
 * {@link Instant} (written in ISO 8601, UTC).
 */
public final class CopyRows {

    private final String table;
    private final String columns;
    private final int width;
    /**
     * The rows as they are sent, already UTF-8. Issue 9: escaping on the encoded bytes is one plain pass (the four
     * escaped characters are ASCII, never part of a longer UTF-8 sequence), where a {@code StringBuilder} copied
     * every value character by character and the whole text was encoded once more at the end.
     */
    private byte[] bytes = new byte[1024];
    private int size;
    private int rows;

    /** @param columns the column names in the order {@link #row} takes the values */
    public CopyRows(String table, String... columns) {
        this.table = table;
        this.columns = String.join(", ", columns);
        this.width = columns.length;
    }

    /** Adds one row; its values in the order of the columns. */
    public CopyRows row(Object... values) {
        if (values.length != width) {
            throw new IllegalArgumentException(table + ": " + values.length + " values for " + width + " columns");
        }
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                put((byte) '\t');
            }
            append(values[i]);
        }
        put((byte) '\n');
        rows++;
        return this;
    }

    public int rows() {
        return rows;
    }

    /** The rows as they are sent: COPY's text format. */
    String text() {
        return new String(bytes, 0, size, StandardCharsets.UTF_8);
    }

    /** Writes the rows in the transaction {@code jdbc} takes part in; returns how many were written. */
    public long copy(JdbcTemplate jdbc) {
        if (rows == 0) {
            return 0;
        }
        Long written = jdbc.execute((ConnectionCallback<Long>) connection -> {
            CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("COPY " + table + " (" + columns + ") FROM STDIN");
            try {
                copy.writeToCopy(bytes, 0, size);
                return copy.endCopy();
            } catch (SQLException e) {
                if (copy.isActive()) {
                    copy.cancelCopy();
                }
                throw e;
            }
        });
        return written == null ? 0 : written;
    }

    private void append(Object value) {
        if (value == null) {
            put((byte) '\\');
            put((byte) 'N');
        } else if (value instanceof String s) {
            escape(s.getBytes(StandardCharsets.UTF_8));
        } else if (value instanceof UUID || value instanceof Number || value instanceof Boolean
                || value instanceof LocalDate || value instanceof Instant) {
            byte[] ascii = value.toString().getBytes(StandardCharsets.UTF_8); // ISO forms: nothing to escape
            put(ascii, 0, ascii.length);
        } else {
            throw new IllegalArgumentException(table + ": cannot COPY a " + value.getClass().getName());
        }
    }

    /** The text format's escapes: backslash, and the delimiter and line ends a value may contain. */
    private void escape(byte[] utf8) {
        int plain = 0; // the start of the run of bytes copied as they are
        for (int i = 0; i < utf8.length; i++) {
            byte escaped = switch (utf8[i]) {
                case '\\' -> '\\';
                case '\t' -> 't';
                case '\n' -> 'n';
                case '\r' -> 'r';
                default -> 0;
            };
            if (escaped != 0) {
                put(utf8, plain, i);
                put((byte) '\\');
                put(escaped);
                plain = i + 1;
            }
        }
        put(utf8, plain, utf8.length);
    }

    private void put(byte b) {
        room(1);
        bytes[size++] = b;
    }

    private void put(byte[] from, int start, int end) {
        room(end - start);
        System.arraycopy(from, start, bytes, size, end - start);
        size += end - start;
    }

    private void room(int more) {
        if (size + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
        }
    }
}
