package io.creditloop.sanction.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import io.creditloop.messaging.PoisonMessageException;
import io.creditloop.sanction.FieldProblem;
import io.creditloop.sanction.InvalidInputException;
import io.creditloop.sanction.measure.MeasureNotFoundException;
import io.creditloop.sanction.measure.OutdatedRevisionException;
import io.creditloop.sanction.task.ForeignTaskException;
import io.creditloop.sanction.task.NotAnAnswerException;
import io.creditloop.sanction.task.UnknownTaskException;
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

/**
 * RFC 7807 problem details with a field-level list; never a stack trace, and never a request's ID number (R16), to a
 * client.
 */
@RestControllerAdvice
class ApiErrors extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);
    static final String TYPES = "https://creditloop.io/problems/";

    @ExceptionHandler(InvalidInputException.class)
    ProblemDetail invalid(InvalidInputException e) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-" + e.what().replace(' ', '-'),
                "Invalid " + e.what(), e.problems().size() + " field(s) need correcting; nothing was changed");
        problem.setProperty("errors", e.problems());
        return problem;
    }

    /** An answer over REST that does not fit its contract schema: the same check as on Kafka. */
    @ExceptionHandler(PoisonMessageException.class)
    ProblemDetail invalidAnswer(PoisonMessageException e) {
        return problem(HttpStatus.BAD_REQUEST, "invalid-answer", "Invalid answer", e.getMessage());
    }

    @ExceptionHandler(NotAnAnswerException.class)
    ProblemDetail notAnAnswer(NotAnAnswerException e) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-answer", "Invalid answer", e.getMessage());
        problem.setProperty("errors", List.of(new FieldProblem("type", "not an agency answer type")));
        return problem;
    }

    @ExceptionHandler(UnknownTaskException.class)
    ProblemDetail unknownTask(UnknownTaskException e) {
        return problem(HttpStatus.NOT_FOUND, "task-not-found", "Sanction task not found", e.getMessage());
    }

    @ExceptionHandler(ForeignTaskException.class)
    ProblemDetail foreignTask(ForeignTaskException e) {
        return problem(HttpStatus.FORBIDDEN, "foreign-task", "Task of another agency", e.getMessage());
    }

    @ExceptionHandler(MeasureNotFoundException.class)
    ProblemDetail measureNotFound(MeasureNotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "measure-not-found", "Measure not found", e.getMessage());
    }

    @ExceptionHandler(OutdatedRevisionException.class)
    ProblemDetail outdated(OutdatedRevisionException e) {
        return problem(HttpStatus.CONFLICT, "outdated-revision", "Revision of an outdated version", e.getMessage());
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
        // the parser's message may quote the body, which may hold an ID number: name the field only
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "malformed-json", "Malformed request body",
                "the body is not a JSON object of the expected shape; nothing was changed");
        if (e.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining("."));
            problem.setProperty("errors", List.of(new FieldProblem(field, "wrong JSON type")));
        }
        return ResponseEntity.badRequest().body(problem);
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        log.error("unexpected error", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Internal error",
                "the request could not be completed; it has been logged");
    }

    static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPES + type));
        problem.setTitle(title);
        return problem;
    }
}
