package io.creditloop.sharing.registry.web;

import io.creditloop.sharing.registry.PurposeRequiredException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.net.URI;
import java.util.List;
import java.util.Map;

/** RFC 7807 answers of the register API; what it does not handle falls through to the service's general handler. */
@RestControllerAdvice(basePackageClasses = RegistryProblems.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class RegistryProblems {

    private static final String TYPES = "https://creditloop.io/problems/";

    @ExceptionHandler(InvalidQueryException.class)
    ProblemDetail invalid(InvalidQueryException e) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-query", "Invalid query",
                "查询条件无效 (the query is not valid)");
        problem.setProperty("errors", e.errors);
        return problem;
    }

    @ExceptionHandler(PurposeRequiredException.class)
    ProblemDetail purposeRequired(PurposeRequiredException e) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "purpose-required", "Purpose required",
                e.getMessage());
        problem.setProperty("errors", List.of(Map.of("field", "purpose", "message", e.getMessage())));
        return problem;
    }

    @ExceptionHandler(ForbiddenAgencyException.class)
    ProblemDetail forbidden(ForbiddenAgencyException e) {
        return problem(HttpStatus.FORBIDDEN, "agency-not-authorised", "Not authorised", e.getMessage());
    }

    private static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPES + type));
        problem.setTitle(title);
        return problem;
    }
}
