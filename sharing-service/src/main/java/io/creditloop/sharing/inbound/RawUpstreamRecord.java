package io.creditloop.sharing.inbound;

import java.util.EnumMap;
import java.util.Map;

/**
 * A record as it arrived, field by field as text, before any check: one JSON object or one spreadsheet row.
 *
 * @param position the row number or the position in the batch, for {@link RecordProblem#record()}
 * @param columns  the name to report a field's problem under: its header in the file, or its JSON property
 */
public record RawUpstreamRecord(int position, Map<UpstreamField, String> values, Map<UpstreamField, String> columns) {

    public RawUpstreamRecord {
        values = values.isEmpty() ? Map.of() : new EnumMap<>(values);
        columns = columns.isEmpty() ? Map.of() : new EnumMap<>(columns);
    }

    /** The trimmed text of a field; {@code null} when it is missing or blank. */
    public String value(UpstreamField field) {
        String value = values.get(field);
        return value == null || value.isBlank() ? null : value.strip();
    }

    public String column(UpstreamField field) {
        return columns.getOrDefault(field, field.json());
    }
}
