package io.creditloop.sanction.task.web;

import io.creditloop.sanction.access.SanctionAccess;
import io.creditloop.security.Caller;

import io.creditloop.contracts.Envelope;
import io.creditloop.messaging.EventCodec;
import io.creditloop.sanction.FieldProblem;
import io.creditloop.sanction.InvalidInputException;
import io.creditloop.sanction.report.CaseListings;
import io.creditloop.sanction.task.AnswerReceipt;
import io.creditloop.sanction.task.AnswerService;
import io.creditloop.sanction.task.Outcome;
import io.creditloop.sanction.task.TaskQuery;
import io.creditloop.sanction.task.TaskService;
import io.creditloop.sanction.task.TaskState;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

@RestController
@RequestMapping("/api/sanction")
@Tag(name = "sanction loop", description = "R8: initiate, respond, implement, feedback per enforcing agency")
class TaskController {

    private final TaskService tasks;
    private final AnswerService answers;
    private final EventCodec codec;
    private final CaseListings caseListings;

    TaskController(TaskService tasks, AnswerService answers, EventCodec codec, CaseListings caseListings) {
        this.tasks = tasks;
        this.answers = answers;
        this.codec = codec;
        this.caseListings = caseListings;
    }

    @GetMapping("/listings/{listingId}/loop")
    @Operation(summary = "The closed loop of a listing: the least advanced state of its tasks still in force")
    LoopView loop(@PathVariable UUID listingId, Caller caller) {
        SanctionAccess.requireLoopReader(caller, caller.isCreditOffice() ? java.util.Optional.empty()
                : caseListings.department(listingId));
        LocalDate today = tasks.today();
        return tasks.loop(listingId).map(loop -> LoopView.of(loop, today))
                .orElseThrow(() -> notFound("Listing has no sanction tasks",
                        "no sanction tasks for listing " + listingId
                                + ": unknown here, not confirmed yet, or its list type has no measures"));
    }

    @GetMapping("/tasks/{taskId}")
    @Operation(summary = "One sanction task")
    TaskView task(@PathVariable UUID taskId, Caller caller) {
        tasks.task(taskId).ifPresent(t -> SanctionAccess.requireTaskReader(caller, t.agencyCode()));
        return tasks.task(taskId).map(t -> TaskView.of(t, tasks.today()))
                .orElseThrow(() -> notFound("Sanction task not found", "no sanction task " + taskId));
    }

    @GetMapping("/tasks")
    @Operation(summary = "Tasks for the dashboard, most urgent first: by state, agency, listing; overdue=true for "
            + "tasks past their response deadline without a response")
    List<TaskView> tasks(@RequestParam(required = false) TaskState state,
                         @RequestParam(required = false) String agency,
                         @RequestParam(required = false) UUID listingId,
                         @RequestParam(required = false) Boolean overdue,
                         @RequestParam(defaultValue = "100") int limit, Caller caller) {
        if (limit < 1 || limit > TaskQuery.MAX_LIMIT) {
            throw new InvalidInputException("query", List.of(new FieldProblem("limit", "1 to " + TaskQuery.MAX_LIMIT)));
        }
        String agencyCode = SanctionAccess.taskFilter(caller,
                agency == null || agency.isBlank() ? null : agency.strip().toLowerCase(Locale.ROOT));
        LocalDate today = tasks.today();
        return tasks.search(new TaskQuery(state, agencyCode, listingId, overdue, limit)).stream()
                .map(t -> TaskView.of(t, today)).toList();
    }

    /**
     * R8 respond / implement / feedback for agencies without a Kafka client: the body is the same CloudEvents event
     * an agency would put on its response topic ({@code agency.task.responded.v1}, {@code
     * agency.measure.implemented.v1} or {@code agency.feedback.given.v1}), checked against the same schema and applied
     * by the same service. Repeating a request with the same event id changes nothing.
     */
    @PostMapping(path = "/tasks/{taskId}/responses",
            consumes = {"application/json", "application/cloudevents+json"})
    @Operation(summary = "An agency's answer to its task, as the contract event it would send on Kafka; 409 if the "
            + "task was lifted")
    ResponseEntity<TaskView> answer(@PathVariable UUID taskId, @RequestBody String body, Caller caller) {
        // R16: only the task's own agency answers it; checked before anything is decoded or written
        tasks.task(taskId).ifPresentOrElse(t -> SanctionAccess.requireAgency(caller, t.agencyCode()),
                () -> SanctionAccess.requireAnyAgency(caller));
        Envelope<Object> event = codec.decode(body);
        UUID named = AnswerService.taskIdOf(event).orElse(null);
        if (named != null && !named.equals(taskId)) {
            throw new InvalidInputException("answer", List.of(new FieldProblem("data.taskId",
                    "names another task than the path")));
        }
        AnswerReceipt receipt = answers.accept(event, AnswerService.Channel.REST);
        if (receipt.outcome() == Outcome.TASK_LIFTED) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, "task " + taskId
                    + " was lifted (" + receipt.task().liftReason() + "): do not apply the measure; the answer "
                    + "changed nothing");
            problem.setType(URI.create("https://creditloop.io/problems/task-lifted"));
            problem.setTitle("Task lifted");
            problem.setProperty("liftedAt", receipt.task().liftedAt());
            problem.setProperty("liftReason", receipt.task().liftReason());
            throw new ErrorResponseException(HttpStatus.CONFLICT, problem, null);
        }
        return ResponseEntity.ok(TaskView.of(receipt.task(), tasks.today()));
    }

    private static ErrorResponseException notFound(String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, detail);
        problem.setTitle(title);
        return new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
    }
}
