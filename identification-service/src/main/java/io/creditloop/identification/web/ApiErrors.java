package io.creditloop.identification.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import io.creditloop.calendar.CalendarYearMissingException;
import io.creditloop.identification.catalog.InvalidListTypeException;
import io.creditloop.identification.listing.FieldProblem;
import io.creditloop.identification.listing.InvalidListingException;
import io.creditloop.identification.listing.ListingNotFoundException;
import io.creditloop.identification.listing.ListingStateException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.net.URI;
import java.util.List;
import java.util.stream.Collectors;

/** RFC 7807 problem details with a field-level list; never a stack trace to a client. */
@RestControllerAdvice
class ApiErrors extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);
    private static final String TYPES = "https://creditloop.io/problems/";

    @ExceptionHandler(InvalidListingException.class)
    ProblemDetail invalid(InvalidListingException e) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-listing", "Invalid listing",
                e.problems().size() + " field(s) need correcting; nothing was recorded");
        problem.setProperty("errors", e.problems());
        return problem;
    }

    @ExceptionHandler(InvalidListTypeException.class)
    ProblemDetail invalidListType(InvalidListTypeException e) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-list-type", "Invalid list type",
                e.problems().size() + " field(s) need correcting; the catalog is unchanged");
        problem.setProperty("errors", e.problems());
        return problem;
    }

    @ExceptionHandler(ListingNotFoundException.class)
    ProblemDetail notFound(ListingNotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "listing-not-found", "Listing not found", e.getMessage());
    }

    @ExceptionHandler(ListingStateException.class)
    ProblemDetail conflict(ListingStateException e) {
        return problem(HttpStatus.CONFLICT, "listing-state", "Not allowed in the listing's state", e.getMessage());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail badParameter(MethodArgumentTypeMismatchException e) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-parameter", "Invalid parameter",
                "parameter '" + e.getName() + "' is not valid");
        problem.setProperty("errors", List.of(new FieldProblem(e.getName(), "not a valid " + e.getName())));
        return problem;
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "malformed-json", "Malformed request body",
                "the body is not a JSON object of the expected shape; nothing was recorded");
        if (e.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining("."));
            problem.setProperty("errors", List.of(new FieldProblem(field, "wrong JSON type: expected text")));
        }
        return ResponseEntity.badRequest().body(problem);
    }

    /**
     * R4, R5: a publicity period that runs into a year whose holiday arrangement is not loaded is not guessed; the
     * listing is not taken until the deployment adds that year's file (CALENDAR_DIR) and restarts.
     */
    @ExceptionHandler(CalendarYearMissingException.class)
    ProblemDetail calendarYearMissing(CalendarYearMissingException e) {
        log.error("deadline not computed: {}", e.getMessage());
        return problem(HttpStatus.SERVICE_UNAVAILABLE, "calendar-year-missing", "Working-day calendar incomplete",
                e.getMessage());
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        log.error("unexpected error", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Internal error",
                "the request could not be completed; it has been logged");
    }

    private static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPES + type));
        problem.setTitle(title);
        return problem;
    }
}
