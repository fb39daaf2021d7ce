package io.creditloop.sanction.measure;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * R9: the catalog's measures in force, held in memory for the credit check's hot path, so a check reads no catalog
 * table. The catalog is small (tens to hundreds of rows) and edited rarely: it is reloaded whole after an edit made
 * through this instance commits ({@link CatalogEdited}), and every {@code creditloop.sanction.check.catalog-refresh}
 * (default 5 s) for edits made through another instance. Reloads are serialised, so an older snapshot never
 * replaces a newer one.
 * <p>
 * The closed loop does not use this: a task is made under the version the database holds in the task's own
 * transaction ({@link Measures#forListType}).
 */
@Component
public class MeasuresInForce {

    private final Measures measures;
    private volatile Map<String, List<Measure>> byListType;

    public MeasuresInForce(Measures measures) {
        this.measures = measures;
    }

    /** The measures in force for a list type, each in its latest version, by agency and measure code. */
    public List<Measure> forListType(String listTypeCode) {
        Map<String, List<Measure>> snapshot = byListType;
        if (snapshot == null) {
            snapshot = reload();
        }
        return snapshot.getOrDefault(listTypeCode, List.of());
    }

    @Scheduled(fixedDelayString = "${creditloop.sanction.check.catalog-refresh:5s}",
            initialDelayString = "${creditloop.sanction.check.catalog-refresh:5s}")
    public void refresh() {
        reload();
    }

    /** After the edit's transaction commits, or at once when it ran without one. */
    @TransactionalEventListener(fallbackExecution = true)
    void edited(CatalogEdited edit) {
        reload();
    }

    private synchronized Map<String, List<Measure>> reload() {
        Map<String, List<Measure>> next = new HashMap<>();
        // inForce() is ordered by list type, agency and measure code, as forListType(code) is
        for (MeasureVersion v : measures.inForce()) {
            next.computeIfAbsent(v.measure().listTypeCode(), k -> new java.util.ArrayList<>()).add(v.measure());
        }
        next.replaceAll((k, v) -> List.copyOf(v));
        Map<String, List<Measure>> snapshot = Map.copyOf(next);
        byListType = snapshot;
        return snapshot;
    }
}
