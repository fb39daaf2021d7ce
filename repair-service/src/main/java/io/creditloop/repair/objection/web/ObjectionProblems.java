package io.creditloop.repair.objection.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import io.creditloop.calendar.CalendarYearMissingException;
import io.creditloop.repair.objection.ObjectionRefusedException;
import io.creditloop.repair.objection.ObjectionService.ObjectionNotFoundException;
import io.creditloop.repair.objection.ObjectionStateException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * RFC 7807 problem details for every error, with a field-level {@code errors} list for a bad request; never a stack
 * trace, and never the submitted values (they may be personal data).
 */
@RestControllerAdvice
class ObjectionProblems extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ObjectionProblems.class);

    @ExceptionHandler(ObjectionRefusedException.class)
    ProblemDetail refused(ObjectionRefusedException e) {
        boolean unknown = e.why() == ObjectionRefusedException.Why.UNKNOWN_LISTING;
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(unknown ? HttpStatus.NOT_FOUND : HttpStatus.CONFLICT,
                e.getMessage());
        problem.setTitle(unknown ? "Unknown listing" : "Listing has exited");
        problem.setProperty("listingId", e.listingId());
        return problem;
    }

    @ExceptionHandler(ObjectionNotFoundException.class)
    ProblemDetail notFound(ObjectionNotFoundException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        problem.setTitle("Unknown objection");
        return problem;
    }

    @ExceptionHandler(ObjectionStateException.class)
    ProblemDetail state(ObjectionStateException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setTitle("Step not allowed now");
        return problem;
    }

    @ExceptionHandler(ObjectionController.EmptyEvidenceException.class)
    ProblemDetail emptyEvidence(ObjectionController.EmptyEvidenceException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("Bad Request");
        problem.setProperty("errors", List.of(Map.of("field", "file", "message", "must not be empty")));
        return problem;
    }

    /**
     * R10, R12: a verification or approval deadline that runs into a year whose holiday arrangement is not loaded is
     * not guessed; nothing is recorded until the deployment adds that year's file (CALENDAR_DIR) and restarts.
     */
    @ExceptionHandler(CalendarYearMissingException.class)
    ProblemDetail calendarYearMissing(CalendarYearMissingException e) {
        log.error("deadline not computed: {}", e.getMessage());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
        problem.setTitle("Working-day calendar incomplete");
        return problem;
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        log.error("request failed", e);
        return ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "The request could not be completed.");
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(error -> Map.of("field", error.getField(), "message", String.valueOf(error.getDefaultMessage())))
                .toList();
        return badRequest(ex, "The request has invalid fields.", errors, headers, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (ex.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining("."));
            return badRequest(ex, "The request has invalid fields.",
                    List.of(Map.of("field", field, "message", "has the wrong type or format")), headers, request);
        }
        return badRequest(ex, "The request body is not valid JSON.", List.of(), headers, request);
    }

    private ResponseEntity<Object> badRequest(Exception ex, String detail, List<Map<String, String>> errors,
                                              HttpHeaders headers, WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setTitle("Bad Request");
        problem.setProperty("errors", errors);
        return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
    }
}
