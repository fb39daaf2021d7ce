package io.creditloop.sanction.dashboard;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * R8 over time: per bucket, how many tasks reached each step in it (initiated, responded, implemented, fed back,
 * lifted), from the tasks' own timestamps. Buckets without any step are present with zeros, so a chart has no gaps.
 */
public record LoopSeries(Bucket bucket, List<Point> points) {

    public LoopSeries {
        points = List.copyOf(points);
    }

    /** One bucket: its first day and the number of tasks that reached each step in it. */
    public record Point(LocalDate start, long initiated, long responded, long implemented, long fedBack,
                        long lifted) {
    }

    /** The series from {@code from} to {@code to}, filled from the counts found per step and bucket start. */
    public static LoopSeries of(Bucket bucket, LocalDate from, LocalDate to,
                                Map<LoopStep, Map<LocalDate, Long>> found) {
        Map<LoopStep, Map<LocalDate, Long>> counts = new EnumMap<>(LoopStep.class);
        counts.putAll(found);
        List<Point> points = new ArrayList<>();
        for (LocalDate start : bucket.between(from, to)) {
            points.add(new Point(start, count(counts, LoopStep.INITIATED, start),
                    count(counts, LoopStep.RESPONDED, start), count(counts, LoopStep.IMPLEMENTED, start),
                    count(counts, LoopStep.FED_BACK, start), count(counts, LoopStep.LIFTED, start)));
        }
        return new LoopSeries(bucket, points);
    }

    private static long count(Map<LoopStep, Map<LocalDate, Long>> counts, LoopStep step, LocalDate start) {
        return counts.getOrDefault(step, Map.of()).getOrDefault(start, 0L);
    }
}
