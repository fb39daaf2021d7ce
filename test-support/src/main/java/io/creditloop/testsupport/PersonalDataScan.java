package io.creditloop.testsupport;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * R11, R16: where in a database a piece of personal data (a name, an ID number, its masked form) still occurs.
 * Every column of every table of the given schemas that can hold text (text, varchar, char, json, jsonb, arrays,
 * xml; bytea searched byte-wise as UTF-8) is searched for every needle, exactly (case-sensitive substring).
 * A hit names the place and the needle's index, never the needle itself, so a failing test does not print it.
 */
public final class PersonalDataScan {

    /** A needle found: {@code rows} rows of {@code schema.table.column} contain needle number {@code needle}. */
    public record Hit(String schema, String table, String column, int needle, long rows) {
        @Override
        public String toString() {
            return schema + "." + table + "." + column + " holds needle #" + needle + " in " + rows + " row(s)";
        }
    }

    private record Column(String schema, String table, String name, boolean bytes) {
    }

    private PersonalDataScan() {
    }

    /** Scans through a connection of {@code dataSource}. */
    public static List<Hit> scan(DataSource dataSource, List<String> schemas, List<String> needles) {
        try (Connection connection = dataSource.getConnection()) {
            return scan(connection, schemas, needles);
        } catch (SQLException e) {
            throw new IllegalStateException("personal data scan failed", e);
        }
    }

    /** Scans through a connection opened with a JDBC URL. */
    public static List<Hit> scan(String jdbcUrl, String user, String password, List<String> schemas,
                                 List<String> needles) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, user, password)) {
            return scan(connection, schemas, needles);
        } catch (SQLException e) {
            throw new IllegalStateException("personal data scan failed", e);
        }
    }

    public static List<Hit> scan(Connection connection, List<String> schemas, List<String> needles)
            throws SQLException {
        for (String needle : needles) {
            if (needle == null || needle.isEmpty()) {
                throw new IllegalArgumentException("empty needle");
            }
        }
        List<Hit> hits = new ArrayList<>();
        for (Column column : columns(connection, schemas)) {
            String target = quote(column.schema()) + "." + quote(column.table());
            String condition = column.bytes()
                    ? "position(convert_to(?, 'UTF8') in " + quote(column.name()) + ") > 0"
                    : "strpos(" + quote(column.name()) + "::text, ?) > 0";
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT count(*) FROM " + target + " WHERE " + condition)) {
                for (int i = 0; i < needles.size(); i++) {
                    select.setString(1, needles.get(i));
                    try (ResultSet rs = select.executeQuery()) {
                        rs.next();
                        long rows = rs.getLong(1);
                        if (rows > 0) {
                            hits.add(new Hit(column.schema(), column.table(), column.name(), i, rows));
                        }
                    }
                }
            }
        }
        return hits;
    }

    /** How many text-like columns the schemas have: a scan that searched nothing proves nothing. */
    public static int columnCount(DataSource dataSource, List<String> schemas) {
        try (Connection connection = dataSource.getConnection()) {
            return columns(connection, schemas).size();
        } catch (SQLException e) {
            throw new IllegalStateException("personal data scan failed", e);
        }
    }

    public static int columnCount(String jdbcUrl, String user, String password, List<String> schemas) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, user, password)) {
            return columns(connection, schemas).size();
        } catch (SQLException e) {
            throw new IllegalStateException("personal data scan failed", e);
        }
    }

    private static List<Column> columns(Connection connection, List<String> schemas) throws SQLException {
        List<Column> columns = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT c.table_schema, c.table_name, c.column_name, c.data_type
                FROM information_schema.columns c
                JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
                WHERE t.table_type = 'BASE TABLE' AND c.table_schema = ANY (?)
                  AND c.data_type IN ('text', 'character varying', 'character', 'json', 'jsonb', 'ARRAY', 'xml',
                                      'bytea', 'USER-DEFINED')
                ORDER BY c.table_schema, c.table_name, c.ordinal_position""")) {
            select.setArray(1, connection.createArrayOf("text", schemas.toArray()));
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    columns.add(new Column(rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getString(4).equals("bytea")));
                }
            }
        }
        return columns;
    }

    private static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
