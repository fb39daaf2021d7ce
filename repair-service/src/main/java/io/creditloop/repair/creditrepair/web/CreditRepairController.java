package io.creditloop.repair.creditrepair.web;

import io.creditloop.repair.access.RepairAccess;
import io.creditloop.repair.access.CaseReads;
import io.creditloop.security.Caller;

import io.creditloop.repair.creditrepair.CreditRepairService;
import io.creditloop.repair.creditrepair.CreditRepairService.Application;
import io.creditloop.repair.creditrepair.CreditRepairService.Details;
import io.creditloop.repair.creditrepair.CreditRepairService.UnknownRepairException;
import io.creditloop.repair.creditrepair.RepairEvidence;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

import java.util.List;
import java.util.UUID;

/** R12: credit repair (信用修复): application, department opinion, credit office review. */
@RestController
@RequestMapping("/api/repair/repairs")
class CreditRepairController {

    record ApplicationRequest(@NotNull UUID listingId, @NotBlank @Size(max = 200) String applicant,
                              @NotBlank @Size(max = 4000) String statement, @NotNull Boolean intentional,
                              @NotNull @Size(min = 1, max = 50) List<@Valid EvidenceRequest> evidence) {
    }

    record EvidenceRequest(@NotNull RepairEvidence.Kind kind, @NotBlank @Size(max = 500) String description,
                           @NotBlank @Size(max = 1000) String reference) {
    }

    record OpinionRequest(@NotNull Boolean agrees, @NotBlank @Size(max = 4000) String opinion,
                          @NotBlank @Size(max = 200) String by) {
    }

    record ReviewRequest(@NotNull Boolean approved, @NotBlank @Size(max = 200) String by,
                         @Size(max = 4000) String note) {
    }

    private final CreditRepairService repairs;
    private final CaseReads reads;

    CreditRepairController(CreditRepairService repairs, CaseReads reads) {
        this.repairs = repairs;
        this.reads = reads;
    }

    @PostMapping
    ResponseEntity<Details> apply(@Valid @RequestBody ApplicationRequest body, UriComponentsBuilder uri) {
        UUID id = repairs.apply(new Application(body.listingId(), body.applicant().strip(), body.statement().strip(),
                body.intentional(), body.evidence().stream()
                .map(e -> new Application.Evidence(e.kind(), e.description().strip(), e.reference().strip()))
                .toList())).id();
        return ResponseEntity.created(uri.path("/api/repair/repairs/{id}").buildAndExpand(id).toUri())
                .body(details(id));
    }

    /** R16: a person's repair case shows the applicant unmasked: the read is recorded for the audit log. */
    @GetMapping("/{id}")
    Details repair(@PathVariable UUID id, Caller caller) {
        repairs.department(id).ifPresent(d -> RepairAccess.requireCaseHandler(caller, d));
        Details details = details(id);
        reads.record(caller, "repair-case", id, details.repair().listingId());
        return details;
    }

    @PostMapping("/{id}/opinion")
    Details opinion(@PathVariable UUID id, @Valid @RequestBody OpinionRequest body, Caller caller) {
        RepairAccess.requireDepartment(caller, repairs.department(id));
        repairs.opinion(id, body.agrees(), body.opinion().strip(), body.by().strip());
        return details(id);
    }

    @PostMapping("/{id}/review")
    Details review(@PathVariable UUID id, @Valid @RequestBody ReviewRequest body, Caller caller) {
        RepairAccess.requireCreditOffice(caller);
        repairs.review(id, body.approved(), body.note(), body.by().strip());
        return details(id);
    }

    private Details details(UUID id) {
        return repairs.details(id).orElseThrow(() -> new UnknownRepairException(id));
    }
}
