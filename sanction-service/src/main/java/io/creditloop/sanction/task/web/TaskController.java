package io.creditloop.sanction.task.web;

import io.creditloop.sanction.task.TaskService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

@RestController
@RequestMapping("/api/sanction")
@Tag(name = "sanction loop", description = "R8: initiate, respond, implement, feedback per enforcing agency")
class TaskController {

    private final TaskService tasks;

    TaskController(TaskService tasks) {
        this.tasks = tasks;
    }

    @GetMapping("/listings/{listingId}/loop")
    @Operation(summary = "The closed loop of a listing: the least advanced state of its tasks still in force")
    LoopView loop(@PathVariable UUID listingId) {
        return tasks.loop(listingId).map(LoopView::of)
                .orElseThrow(() -> notFound("Listing has no sanction tasks",
                        "no sanction tasks for listing " + listingId
                                + ": unknown here, not confirmed yet, or its list type has no measures"));
    }

    @GetMapping("/tasks/{taskId}")
    @Operation(summary = "One sanction task")
    TaskView task(@PathVariable UUID taskId) {
        return tasks.task(taskId).map(TaskView::of)
                .orElseThrow(() -> notFound("Sanction task not found", "no sanction task " + taskId));
    }

    private static ErrorResponseException notFound(String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, detail);
        problem.setTitle(title);
        return new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
    }
}
