package io.creditloop.sanction.dashboard.web;

import io.creditloop.sanction.FieldProblem;
import io.creditloop.sanction.InvalidInputException;
import io.creditloop.sanction.dashboard.Bucket;
import io.creditloop.sanction.dashboard.DashboardFilter;
import io.creditloop.sanction.dashboard.DashboardService;
import io.creditloop.sanction.dashboard.DashboardTask;
import io.creditloop.sanction.dashboard.LoopSeries;
import io.creditloop.sanction.dashboard.LoopStep;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.List;

/**
 * R8: what the credit office's dashboard ({@code /dashboard/}) reads. The period is the tasks' initiation day (summary,
 * drill-down) or the day each step was reached (series); without one, the last 30 days up to today.
 */
@RestController
@RequestMapping("/api/sanction/dashboard")
@Tag(name = "dashboard", description = "R8: the loop by department, list type and agency, and over time")
class DashboardController {

    static final int DEFAULT_DAYS = 30;
    static final int MAX_TASKS = 500;

    private final DashboardService dashboard;

    DashboardController(DashboardService dashboard) {
        this.dashboard = dashboard;
    }

    @GetMapping("/summary")
    @Operation(summary = "Tasks initiated in the period: how many reached each step, lifted and overdue; in total and "
            + "per department, list type and agency")
    DashboardService.Summary summary(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                                     LocalDate from,
                                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                                     LocalDate to,
                                     @RequestParam(required = false) String department,
                                     @RequestParam(required = false) String listType,
                                     @RequestParam(required = false) String agency) {
        return dashboard.summary(filter(from, to, department, listType, agency));
    }

    @GetMapping("/series")
    @Operation(summary = "Per day, week (from Monday) or month: how many tasks were initiated, responded to, "
            + "implemented, fed back and lifted in it")
    LoopSeries series(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                      @RequestParam(defaultValue = "day") String bucket,
                      @RequestParam(required = false) String department,
                      @RequestParam(required = false) String listType,
                      @RequestParam(required = false) String agency) {
        Bucket unit = switch (bucket) {
            case "day" -> Bucket.DAY;
            case "week" -> Bucket.WEEK;
            case "month" -> Bucket.MONTH;
            default -> throw new InvalidInputException("query", List.of(new FieldProblem("bucket",
                    "day, week or month")));
        };
        return dashboard.series(filter(from, to, department, listType, agency), unit);
    }

    @GetMapping("/tasks")
    @Operation(summary = "The tasks behind a summary number: initiated in the period, matching the filter, that "
            + "reached the step (INITIATED, RESPONDED, IMPLEMENTED, FED_BACK, LIFTED) or are OVERDUE")
    List<DashboardTask> tasks(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                              LocalDate from,
                              @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                              LocalDate to,
                              @RequestParam(required = false) String department,
                              @RequestParam(required = false) String listType,
                              @RequestParam(required = false) String agency,
                              @RequestParam(defaultValue = "INITIATED") LoopStep step,
                              @RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > MAX_TASKS) {
            throw new InvalidInputException("query", List.of(new FieldProblem("limit", "1 to " + MAX_TASKS)));
        }
        return dashboard.tasks(filter(from, to, department, listType, agency), step, limit);
    }

    private DashboardFilter filter(LocalDate from, LocalDate to, String department, String listType, String agency) {
        LocalDate end = to != null ? to : dashboard.today();
        LocalDate start = from != null ? from : end.minusDays(DEFAULT_DAYS - 1);
        try {
            return new DashboardFilter(start, end, department, listType, agency);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("period", List.of(new FieldProblem("from", e.getMessage())));
        }
    }
}
