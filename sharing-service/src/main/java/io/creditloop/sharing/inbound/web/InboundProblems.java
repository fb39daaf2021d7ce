package io.creditloop.sharing.inbound.web;

import io.creditloop.sharing.inbound.RecordProblem;
import io.creditloop.sharing.inbound.UnknownPlatformException;
import io.creditloop.sharing.inbound.UnreadableFileException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** RFC 7807 answers of the inbound API; what it does not handle falls through to the service's general handler. */
@RestControllerAdvice(basePackageClasses = InboundProblems.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class InboundProblems {

    private static final String TYPES = "https://creditloop.io/problems/";

    @ExceptionHandler(RefusedRecordsException.class)
    ProblemDetail refused(RefusedRecordsException e) {
        var s = e.submission;
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-upstream-records", "Invalid records",
                s.refused() + " 条记录未被接收，其余 " + s.receipt().accepted() + " 条已接收 (" + s.refused()
                        + " record(s) refused, " + s.receipt().accepted() + " accepted)");
        problem.setProperty("platform", e.platform);
        problem.setProperty("received", s.receipt().received());
        problem.setProperty("revised", s.receipt().revised());
        problem.setProperty("unchanged", s.receipt().unchanged());
        problem.setProperty("refused", s.refused());
        problem.setProperty("problemCount", s.problemCount());
        problem.setProperty("errors", s.problems().stream().map(p -> error(p, e.file)).toList());
        return problem;
    }

    @ExceptionHandler(UnreadableFileException.class)
    ProblemDetail unreadable(UnreadableFileException e) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "unreadable-upstream-file", "Unreadable submission",
                e.getMessage());
        Map<String, Object> error = new LinkedHashMap<>();
        if (e.row() > 0) {
            error.put("row", e.row());
        }
        error.put("reason", e.getMessage());
        problem.setProperty("errors", List.of(error));
        return problem;
    }

    @ExceptionHandler(UnknownPlatformException.class)
    ProblemDetail unknownPlatform(UnknownPlatformException e) {
        ProblemDetail problem = problem(HttpStatus.NOT_FOUND, "unknown-upstream-platform", "Unknown platform",
                "未配置的上游平台 (upstream platform '" + e.platform() + "' is not configured)");
        problem.setProperty("errors", List.of(Map.of("field", "platform", "message", "not a configured platform")));
        return problem;
    }

    private static Map<String, Object> error(RecordProblem p, boolean file) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put(file ? "row" : "record", p.record());
        if (p.column() != null) {
            error.put(file ? "column" : "field", p.column());
        }
        error.put("reason", p.reason());
        return error;
    }

    private static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPES + type));
        problem.setTitle(title);
        return problem;
    }
}
