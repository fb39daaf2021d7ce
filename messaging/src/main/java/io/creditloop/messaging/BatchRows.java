package io.creditloop.messaging;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * The rows of a JDBC batch of {@code INSERT ... ON CONFLICT DO UPDATE}, one per key. With
 * {@code reWriteBatchedInserts} ({@link MessagingDefaults}) the driver sends such a batch as multi-row INSERTs, and
 * PostgreSQL refuses one that proposes the same key twice ("ON CONFLICT DO UPDATE command cannot affect row a second
 * time"), even when its {@code WHERE} would skip the second row. One poll of the listing topic may carry two versions
 * of one listing (confirmed, then corrected): the batch keeps the row that executing the rows one by one would have
 * left in the table.
 */
public final class BatchRows {

    private BatchRows() {
    }

    /**
     * For an upsert that always overwrites: the last row of each key, at the place of the key's first row (the rows
     * of different keys keep their order).
     */
    public static <T, K> List<T> lastPerKey(List<T> rows, Function<T, K> key) {
        if (rows.size() < 2) {
            return rows;
        }
        Map<K, T> last = new LinkedHashMap<>();
        for (T row : rows) {
            last.put(key.apply(row), row);
        }
        return last.size() == rows.size() ? rows : new ArrayList<>(last.values());
    }

    /**
     * For an upsert that overwrites only an older version ({@code WHERE t.version < EXCLUDED.version}): the row of
     * each key with the highest version, the first of them on a tie (a second row of the same version changes
     * nothing), at the place of the key's first row.
     */
    public static <T, K> List<T> newestPerKey(List<T> rows, Function<T, K> key, ToLongFunction<T> version) {
        if (rows.size() < 2) {
            return rows;
        }
        Map<K, T> newest = new LinkedHashMap<>();
        for (T row : rows) {
            newest.merge(key.apply(row), row,
                    (kept, next) -> version.applyAsLong(next) > version.applyAsLong(kept) ? next : kept);
        }
        return newest.size() == rows.size() ? rows : new ArrayList<>(newest.values());
    }
}
