package io.creditloop.publication.board.web;

import io.creditloop.publication.release.InvalidReleaseException;
import io.creditloop.publication.release.web.NoSuchReleaseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.util.List;
import java.util.Map;

/** RFC 7807 problem details for every error; never a stack trace to a client. */
@RestControllerAdvice
class BoardProblems extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(BoardProblems.class);

    @ExceptionHandler(NotOnBoardException.class)
    ProblemDetail notOnBoard(NotOnBoardException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        problem.setTitle("Not on the board");
        problem.setProperty("listingId", e.listingId());
        return problem;
    }

    @ExceptionHandler(BadRequestException.class)
    ProblemDetail badRequest(BadRequestException e) {
        return invalid(e.problems());
    }

    @ExceptionHandler(InvalidReleaseException.class)
    ProblemDetail invalidRelease(InvalidReleaseException e) {
        return invalid(e.problems());
    }

    @ExceptionHandler(NoSuchReleaseException.class)
    ProblemDetail noSuchRelease(NoSuchReleaseException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        problem.setTitle("No such release");
        problem.setProperty("releaseNo", e.releaseNo());
        return problem;
    }

    private static ProblemDetail invalid(Map<String, String> problems) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "Invalid request.");
        problem.setProperty("errors", problems.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(p -> Map.of("field", p.getKey(), "message", p.getValue()))
                .toList());
        return problem;
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        log.error("request failed", e);
        ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.INTERNAL_SERVER_ERROR);
        problem.setDetail("The request could not be completed.");
        return problem;
    }

    /** Bad query parameters: one entry per parameter and message. */
    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = ex.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream().map(error -> Map.of(
                        "field", String.valueOf(result.getMethodParameter().getParameterName()),
                        "message", String.valueOf(error.getDefaultMessage()))))
                .toList();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "Invalid request parameters.");
        problem.setProperty("errors", errors);
        return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
    }
}
