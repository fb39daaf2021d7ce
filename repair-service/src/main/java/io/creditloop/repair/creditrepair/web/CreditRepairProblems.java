package io.creditloop.repair.creditrepair.web;

import io.creditloop.repair.creditrepair.CreditRepairService.UnknownListingException;
import io.creditloop.repair.creditrepair.CreditRepairService.UnknownRepairException;
import io.creditloop.repair.creditrepair.RepairRefusedException;
import io.creditloop.repair.creditrepair.RepairStateException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** RFC 7807 problems of credit repair; ahead of the general handler, which would answer 500. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class CreditRepairProblems {

    @ExceptionHandler(RepairRefusedException.class)
    ProblemDetail refused(RepairRefusedException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY,
                "The listing cannot be repaired.");
        problem.setTitle("Repair refused");
        problem.setProperty("listingId", e.listingId());
        problem.setProperty("reasons", e.reasons());
        return problem;
    }

    @ExceptionHandler(RepairStateException.class)
    ProblemDetail state(RepairStateException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setTitle("Step not allowed now");
        return problem;
    }

    @ExceptionHandler({UnknownListingException.class, UnknownRepairException.class})
    ProblemDetail unknown(RuntimeException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        problem.setTitle(e instanceof UnknownListingException ? "Unknown listing" : "Unknown repair");
        return problem;
    }
}
