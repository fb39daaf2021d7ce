package io.creditloop.sharing.inbound;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The layout of an upstream list file: the first row that names a field is the header (title rows above it, up to
 * {@link #MAX_TITLE_ROWS}, are skipped), naming each column with one of the headers of {@link UpstreamField} (order
 * free, unknown columns ignored); every later non-empty row is one record.
 */
final class UpstreamSheet {

    static final int MAX_TITLE_ROWS = 10;

    private final Map<UpstreamField, Integer> columns;
    private final Map<UpstreamField, String> headers;

    private UpstreamSheet(Map<UpstreamField, Integer> columns, Map<UpstreamField, String> headers) {
        this.columns = columns;
        this.headers = headers;
    }

    /** @throws UnreadableFileException when a required column is missing or a field has two columns */
    static UpstreamSheet ofHeader(int rowNumber, List<String> cells) {
        Map<UpstreamField, Integer> columns = new EnumMap<>(UpstreamField.class);
        Map<UpstreamField, String> headers = new EnumMap<>(UpstreamField.class);
        for (int i = 0; i < cells.size(); i++) {
            String cell = cells.get(i);
            Optional<UpstreamField> field = UpstreamField.ofHeader(cell);
            if (field.isEmpty()) {
                continue;
            }
            if (columns.containsKey(field.get())) {
                throw new UnreadableFileException("表头中“" + headers.get(field.get()) + "”与“" + cell.strip()
                        + "”重复 (two columns for " + field.get().json() + ")", rowNumber);
            }
            columns.put(field.get(), i);
            headers.put(field.get(), cell.strip());
        }
        List<UpstreamField> missing = new ArrayList<>();
        for (UpstreamField field : UpstreamField.values()) {
            if (field.requiredColumn() && !columns.containsKey(field)) {
                missing.add(field);
            }
        }
        if (!columns.containsKey(UpstreamField.USCC) && !columns.containsKey(UpstreamField.ID_NUMBER)) {
            missing.add(UpstreamField.USCC);
            missing.add(UpstreamField.ID_NUMBER);
        }
        if (!missing.isEmpty()) {
            throw new UnreadableFileException("第 " + rowNumber + " 行表头缺少列：" + missing.stream()
                    .map(f -> f.headers().get(0)).collect(Collectors.joining("、")) + " (the header row lacks: "
                    + missing.stream().map(UpstreamField::json).collect(Collectors.joining(", ")) + ")", rowNumber);
        }
        return new UpstreamSheet(columns, headers);
    }

    /** Whether a row names any field: a header. Rows above it (a title, a note) are skipped. */
    static boolean looksLikeHeader(List<String> cells) {
        return cells.stream().anyMatch(c -> UpstreamField.ofHeader(c).isPresent());
    }

    static boolean isBlank(List<String> cells) {
        return cells.stream().allMatch(c -> c == null || c.isBlank());
    }

    RawUpstreamRecord record(int rowNumber, List<String> cells) {
        Map<UpstreamField, String> values = new EnumMap<>(UpstreamField.class);
        columns.forEach((field, column) -> {
            if (column < cells.size() && cells.get(column) != null) {
                values.put(field, cells.get(column));
            }
        });
        return new RawUpstreamRecord(rowNumber, values, headers);
    }
}
