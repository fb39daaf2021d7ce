package io.creditloop.sanction.measure.web;

import io.creditloop.sanction.access.SanctionAccess;
import io.creditloop.security.Caller;

import io.creditloop.sanction.agency.AgencyTopics;
import io.creditloop.sanction.measure.MeasureDraft;
import io.creditloop.sanction.measure.MeasureService;
import io.creditloop.sanction.measure.MeasureVersion;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;

/** R9: the measures catalog, edited by the credit office; every revision is published as a new version. */
@RestController
@RequestMapping("/api/sanction/measures")
@Tag(name = "measures catalog", description = "R9: measures per list type, agency, legal basis and scenario, versioned")
class MeasureController {

    private final MeasureService measures;
    private final AgencyTopics topics;

    MeasureController(MeasureService measures, AgencyTopics topics) {
        this.measures = measures;
        this.topics = topics;
    }

    @GetMapping
    @Operation(summary = "The measures in force, each in its latest version; listType narrows to one list type")
    List<MeasureView> inForce(@RequestParam(required = false) String listType) {
        return measures.inForce(listType).stream().map(MeasureView::of).toList();
    }

    @GetMapping("/{listType}/{agency}/{measureCode}/versions")
    @Operation(summary = "Every version of one measure, oldest first, withdrawn ones included")
    List<MeasureView> history(@PathVariable String listType, @PathVariable String agency,
                              @PathVariable String measureCode) {
        return measures.history(listType, agency, measureCode).stream().map(MeasureView::of).toList();
    }

    @PostMapping
    @Operation(summary = "Publish a new measure or the next version of one (expectedVersion: the version revised, "
            + "409 if another was published since); tasks made earlier keep their version")
    ResponseEntity<MeasureView> publish(@RequestBody MeasureDraft draft, Caller caller) {
        SanctionAccess.requireCreditOffice(caller);
        MeasureVersion published = measures.publish(draft);
        // an agency named for the first time gets its topics before its first task
        topics.ensure(published.measure().agencyCode());
        MeasureView view = MeasureView.of(published);
        return ResponseEntity.created(URI.create("/api/sanction/measures/" + view.listTypeCode() + "/"
                + view.agencyCode() + "/" + view.measureCode() + "/versions")).body(view);
    }

    @DeleteMapping("/{listType}/{agency}/{measureCode}")
    @Operation(summary = "Withdraw a measure: a new version that takes it out of force; history and earlier tasks stay")
    MeasureView withdraw(@PathVariable String listType, @PathVariable String agency, @PathVariable String measureCode,
                         @RequestParam String publishedBy, @RequestParam(required = false) String note,
                         Caller caller) {
        SanctionAccess.requireCreditOffice(caller);
        return MeasureView.of(measures.withdraw(listType, agency, measureCode, publishedBy, note));
    }
}
