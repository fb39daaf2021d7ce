package io.creditloop.sanction.dashboard;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** R8: the loop's state for the credit office, by department, list type and agency, and over time. */
@Service
public class DashboardService {

    private final DashboardQueries queries;
    private final Clock clock;

    public DashboardService(DashboardQueries queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    /** One group of the summary: its key (department, list type or agency code), a name if known, its counts. */
    public record Group(String key, String name, LoopCounts counts) {
    }

    /** The summary: totals and the same counts per department, list type and agency; overdue as of {@code today}. */
    public record Summary(DashboardFilter filter, LocalDate today, LoopCounts total, List<Group> byDepartment,
                          List<Group> byListType, List<Group> byAgency) {
    }

    @Transactional(readOnly = true)
    public Summary summary(DashboardFilter filter) {
        ZoneId zone = clock.getZone();
        LocalDate today = today();
        LoopCounts total = queries.counts(filter, null, zone, today).getOrDefault("all", LoopCounts.NONE);
        Map<String, String> names = queries.listTypeNames();
        return new Summary(filter, today, total,
                groups(queries.counts(filter, Dimension.DEPARTMENT, zone, today), Map.of()),
                groups(queries.counts(filter, Dimension.LIST_TYPE, zone, today), names),
                groups(queries.counts(filter, Dimension.AGENCY, zone, today), Map.of()));
    }

    @Transactional(readOnly = true)
    public LoopSeries series(DashboardFilter filter, Bucket bucket) {
        return LoopSeries.of(bucket, filter.from(), filter.to(), queries.series(filter, bucket, clock.getZone()));
    }

    @Transactional(readOnly = true)
    public List<DashboardTask> tasks(DashboardFilter filter, LoopStep step, int limit) {
        return queries.tasks(filter, step, clock.getZone(), today(), limit);
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    private static List<Group> groups(Map<String, LoopCounts> counts, Map<String, String> names) {
        List<Group> groups = new ArrayList<>(counts.size());
        counts.forEach((key, c) -> groups.add(new Group(key, names.getOrDefault(key, key), c)));
        return groups;
    }
}
