package io.creditloop.repair.supervision.web;

import io.creditloop.repair.access.RepairAccess;
import io.creditloop.repair.access.CaseReads;
import io.creditloop.security.Caller;

import io.creditloop.repair.supervision.SupervisionService;
import io.creditloop.repair.supervision.SupervisionService.Details;
import io.creditloop.repair.supervision.SupervisionService.UnknownException;
import io.creditloop.repair.supervision.SupervisionStateException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.util.UriComponentsBuilder;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** R15: red-list supervision: reports of misconduct, the department's verification. */
@RestController
@RequestMapping("/api/repair/supervision-reports")
class SupervisionController {

    record ReportRequest(@NotNull UUID listingId, @NotBlank @Size(max = 200) String reporterName,
                         @Size(max = 200) String contact, @NotBlank @Size(max = 4000) String misconduct,
                         @NotNull @Size(min = 1, max = 50) List<@Valid EvidenceRequest> evidence) {
    }

    record EvidenceRequest(@NotBlank @Size(max = 500) String description, @NotBlank @Size(max = 1000) String reference) {
    }

    record VerificationRequest(@NotNull Boolean exit, @NotBlank @Size(max = 4000) String finding,
                               @NotBlank @Size(max = 200) String by) {
    }

    private final SupervisionService supervision;
    private final CaseReads reads;

    SupervisionController(SupervisionService supervision, CaseReads reads) {
        this.supervision = supervision;
        this.reads = reads;
    }

    @PostMapping
    ResponseEntity<Details> report(@Valid @RequestBody ReportRequest body, UriComponentsBuilder uri) {
        UUID id = supervision.report(new SupervisionService.Report(body.listingId(), body.reporterName().strip(),
                body.contact(), body.misconduct().strip(), body.evidence().stream()
                .map(e -> Map.entry(e.description().strip(), e.reference().strip())).toList())).id();
        return ResponseEntity.created(uri.path("/api/repair/supervision-reports/{id}").buildAndExpand(id).toUri())
                .body(details(id));
    }

    /** R16: a report on a person's listing shows the reporter unmasked: the read is recorded for the audit log. */
    @GetMapping("/{id}")
    Details get(@PathVariable UUID id, Caller caller) {
        supervision.department(id).ifPresent(d -> RepairAccess.requireCaseHandler(caller, d));
        Details details = details(id);
        reads.record(caller, "supervision-report", id, details.report().listingId());
        return details;
    }

    @PostMapping("/{id}/verification")
    Details verify(@PathVariable UUID id, @Valid @RequestBody VerificationRequest body, Caller caller) {
        RepairAccess.requireDepartment(caller, supervision.department(id));
        supervision.verify(id, body.exit(), body.finding().strip(), body.by().strip());
        return details(id);
    }

    private Details details(UUID id) {
        return supervision.details(id).orElseThrow(() -> new UnknownException("report " + id + " is not known"));
    }

    @RestControllerAdvice
    @Order(Ordered.HIGHEST_PRECEDENCE)
    static class Problems {

        @ExceptionHandler(SupervisionStateException.class)
        ProblemDetail state(SupervisionStateException e) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
            problem.setTitle("Step not allowed now");
            return problem;
        }

        @ExceptionHandler(UnknownException.class)
        ProblemDetail unknown(UnknownException e) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
            problem.setTitle("Not found");
            return problem;
        }
    }
}
