package io.creditloop.repair.objection.web;

import io.creditloop.repair.access.RepairAccess;
import io.creditloop.repair.access.CaseReads;
import io.creditloop.security.Caller;

import io.creditloop.repair.objection.Evidence;
import io.creditloop.repair.objection.ObjectionDetails;
import io.creditloop.repair.objection.ObjectionService;
import io.creditloop.repair.objection.ObjectionService.ObjectionNotFoundException;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.util.UriComponentsBuilder;

import java.io.IOException;
import java.io.InputStream;
import java.util.UUID;

/** R10/R11: objections against listings, from filing to the credit office's decision. */
@RestController
@RequestMapping("/api/repair/objections")
class ObjectionController {

    private final ObjectionService objections;
    private final CaseReads reads;

    ObjectionController(ObjectionService objections, CaseReads reads) {
        this.objections = objections;
        this.reads = reads;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ObjectionDetails> file(@Valid @RequestBody ObjectionRequest request, UriComponentsBuilder uri) {
        UUID id = objections.file(request.toNewObjection()).id();
        return ResponseEntity.created(uri.path("/api/repair/objections/{id}").buildAndExpand(id).toUri())
                .body(details(id));
    }

    /** R16: a person's case shows the objector's name and contact: the read is recorded for the audit log. */
    @GetMapping("/{id}")
    ObjectionDetails objection(@PathVariable UUID id, Caller caller) {
        objections.find(id).ifPresent(o -> RepairAccess.requireCaseHandler(caller, o.recognisingDepartment()));
        ObjectionDetails details = details(id);
        reads.record(caller, "objection", id, details.objection().listingId());
        return details;
    }

    /** An evidence file (multipart {@code file}), kept in the private evidence directory. */
    @PostMapping(path = "/{id}/evidence", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    Evidence evidence(@PathVariable UUID id, @RequestPart("file") MultipartFile file,
                      @RequestParam("description") String description, Caller caller) throws IOException {
        objections.find(id).ifPresent(o -> RepairAccess.requireCaseHandler(caller, o.recognisingDepartment()));
        if (file.isEmpty() || description.isBlank()) {
            throw new EmptyEvidenceException();
        }
        try (InputStream in = file.getInputStream()) {
            return objections.addFile(id, description.strip(), file.getOriginalFilename(), file.getContentType(), in);
        }
    }

    @PostMapping("/{id}/acceptance")
    ObjectionDetails accept(@PathVariable UUID id, @Valid @RequestBody StepRequests.Acceptance body,
                            Caller caller) {
        objections.find(id).ifPresent(o -> RepairAccess.requireDepartment(caller, o.recognisingDepartment()));
        objections.accept(id, body.by().strip());
        return details(id);
    }

    @PostMapping("/{id}/opinion")
    ObjectionDetails opinion(@PathVariable UUID id, @Valid @RequestBody StepRequests.Opinion body, Caller caller) {
        objections.find(id).ifPresent(o -> RepairAccess.requireDepartment(caller, o.recognisingDepartment()));
        objections.giveOpinion(id, body.outcome(), body.opinion().strip(), body.by().strip());
        return details(id);
    }

    @PostMapping("/{id}/reply")
    ObjectionDetails reply(@PathVariable UUID id, @Valid @RequestBody StepRequests.Reply body, Caller caller) {
        objections.find(id).ifPresent(o -> RepairAccess.requireDepartment(caller, o.recognisingDepartment()));
        objections.reject(id, body.reply().strip(), body.by().strip());
        return details(id);
    }

    @PostMapping("/{id}/review")
    ObjectionDetails review(@PathVariable UUID id, @Valid @RequestBody StepRequests.Review body, Caller caller) {
        RepairAccess.requireCreditOffice(caller);
        objections.review(id, body.approved(), body.by().strip(), body.note());
        return details(id);
    }

    @PostMapping("/{id}/administrative-review")
    ObjectionDetails administrativeReview(@PathVariable UUID id,
                                          @Valid @RequestBody StepRequests.AdministrativeReview body,
                                          Caller caller) {
        RepairAccess.requireCreditOffice(caller);
        objections.recordAdministrativeReview(id, body.outcome().strip());
        return details(id);
    }

    private ObjectionDetails details(UUID id) {
        return objections.details(id).orElseThrow(() -> new ObjectionNotFoundException(id));
    }

    static class EmptyEvidenceException extends RuntimeException {
        EmptyEvidenceException() {
            super("an evidence file must not be empty and needs a description");
        }
    }
}
