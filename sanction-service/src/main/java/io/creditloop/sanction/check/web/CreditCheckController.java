package io.creditloop.sanction.check.web;

import io.creditloop.sanction.access.SanctionAccess;
import io.creditloop.security.Caller;
import io.creditloop.security.PersonalDataReads;
import io.creditloop.contracts.listing.v1.SubjectType;
import io.creditloop.sanction.check.CheckResult;

import io.creditloop.sanction.check.CheckRequest;
import io.creditloop.sanction.check.CreditCheckService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The real-time credit check for enforcing agencies (R9, R16): {@code GET /api/sanction/credit-check} with the
 * subject's USCC, ID number or name and the business scenario; the caller's token names the agency and the user
 * who ask, for the register of person-level checks. Bad input is a 400 problem listing every field.
 * <p>
 * A check that may show a person (by ID number or name) writes its register entry and its audit records in one
 * transaction, so they commit together with one WAL flush (issue 9: two commits, two flushes before); a check by
 * USCC finds organisations only and stays one statement without a transaction around it.
 */
@RestController
@Tag(name = "credit check", description = "R9/R16: a subject's listings in force and the measures of a scenario")
class CreditCheckController {

    private final CreditCheckService checks;
    private final PersonalDataReads reads;
    private final TransactionTemplate tx;

    CreditCheckController(CreditCheckService checks, PersonalDataReads reads, TransactionTemplate tx) {
        this.checks = checks;
        this.reads = reads;
        this.tx = tx;
    }

    @GetMapping("/api/sanction/credit-check")
    @Operation(summary = "Listings in force today and the measures that apply in the scenario; person checks are "
            + "registered (R16)")
    CreditCheckView check(@RequestParam(required = false) String uscc,
                          @RequestParam(required = false) String idType,
                          @RequestParam(required = false) String idNumber,
                          @RequestParam(required = false) String name,
                          @RequestParam(required = false) String scenario,
                          @RequestParam(required = false) String fuzzy,
                          @RequestParam(required = false) String purpose,
                          Caller caller) {
        // R16: who asks comes from the verified token, never from a header
        SanctionAccess.requireChecker(caller);
        CheckRequest request = CheckRequest.of(uscc, idType, idNumber, name, scenario, fuzzy, caller.code(),
                caller.subject());
        CheckResult result = request.by() == CheckRequest.By.USCC ? checkAndRecord(request, purpose, caller)
                : tx.execute(status -> checkAndRecord(request, purpose, caller));
        return CreditCheckView.of(result, request.shownValue());
    }

    private CheckResult checkAndRecord(CheckRequest request, String purpose, Caller caller) {
        CheckResult result = checks.check(request);
        // R16: besides the check register, each person shown (unmasked name) goes to the audit log, one record per
        // listing shown; the purpose is the one stated (parameter or X-Purpose), else the scenario
        String stated = purpose != null && !purpose.isBlank() ? purpose.strip() : PersonalDataReads.statedInRequest();
        if (stated == null) {
            stated = "scenario " + request.scenario().name();
        }
        reads.recordAll(caller, stated, result.subjects().stream()
                .filter(s -> s.subjectType() == SubjectType.PERSON)
                .flatMap(s -> s.listings().stream().map(l -> new PersonalDataReads.Read("credit-check",
                        l.listingId().toString(), l.listingId(), s.subjectKey(), s.maskedId())))
                .toList());
        return result;
    }
}
