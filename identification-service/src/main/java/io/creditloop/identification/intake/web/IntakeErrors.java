package io.creditloop.identification.intake.web;

import io.creditloop.identification.intake.InvalidUploadException;
import io.creditloop.identification.intake.UploadNotFinishedException;
import io.creditloop.identification.intake.UploadNotFoundException;
import io.creditloop.identification.intake.UploadTooLargeException;
import io.creditloop.identification.listing.FieldProblem;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.net.URI;
import java.util.List;

/**
 * RFC 7807 problem details for the intake endpoints; ahead of the service-wide handler, which still answers whatever
 * is not intake-specific (a missing part, an oversized multipart request: 413).
 */
@RestControllerAdvice(assignableTypes = IntakeController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class IntakeErrors {

    private static final String TYPES = "https://creditloop.io/problems/";

    @ExceptionHandler(InvalidUploadException.class)
    ProblemDetail invalid(InvalidUploadException e) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-upload", "Invalid upload", e.getMessage()
                + (e.getMessage().contains("nothing was written") ? "" : "；未写入任何记录 (nothing was written)"));
        problem.setProperty("written", false);
        problem.setProperty("errors", e.problems());
        return problem;
    }

    @ExceptionHandler(UploadTooLargeException.class)
    ProblemDetail tooLarge(UploadTooLargeException e) {
        ProblemDetail problem = problem(HttpStatus.PAYLOAD_TOO_LARGE, "upload-too-large", "Upload too large",
                e.getMessage());
        problem.setProperty("errors", List.of(new FieldProblem("file", e.getMessage())));
        return problem;
    }

    @ExceptionHandler(UploadNotFoundException.class)
    ProblemDetail notFound(UploadNotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "upload-not-found", "Upload not found", e.getMessage());
    }

    @ExceptionHandler(UploadNotFinishedException.class)
    ProblemDetail notFinished(UploadNotFinishedException e) {
        return problem(HttpStatus.CONFLICT, "upload-not-finished", "Upload still running", e.getMessage());
    }

    private static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPES + type));
        problem.setTitle(title);
        return problem;
    }
}
