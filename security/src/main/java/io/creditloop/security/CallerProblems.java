package io.creditloop.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** {@link CallerRefused} as 403 and {@link InvalidToken} as 401, RFC 7807, ahead of every service's own advice. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class CallerProblems {

    private static final Logger log = LoggerFactory.getLogger(CallerProblems.class);

    @ExceptionHandler(CallerRefused.class)
    ResponseEntity<ProblemDetail> refused(CallerRefused e) {
        log.info("refused: {}", e.getMessage());
        return ResponseEntity.status(HttpStatus.FORBIDDEN)
                .body(ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage()));
    }

    @ExceptionHandler(InvalidToken.class)
    ResponseEntity<ProblemDetail> invalid(InvalidToken e) {
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED).header("WWW-Authenticate", "Bearer")
                .body(ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, e.getMessage()));
    }
}
