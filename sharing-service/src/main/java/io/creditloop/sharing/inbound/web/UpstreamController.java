package io.creditloop.sharing.inbound.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.creditloop.security.Caller;
import io.creditloop.sharing.access.SharingAccess;
import io.creditloop.sharing.inbound.InboundService;
import io.creditloop.sharing.inbound.RawUpstreamRecord;
import io.creditloop.sharing.inbound.Submission;
import io.creditloop.sharing.inbound.UnreadableFileException;
import io.creditloop.sharing.inbound.UpstreamField;
import io.creditloop.sharing.inbound.UpstreamIntake;
import io.creditloop.contracts.listing.v1.SubjectType;
import io.creditloop.security.Caller;
import io.creditloop.security.PersonalDataReads;
import io.creditloop.sharing.subject.Masking;
import io.creditloop.sharing.subject.PersonKeys;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** R4, R5: lists received from upstream platforms (the courts' judgment defaulters, provincial and national lists). */
@RestController
@RequestMapping("/api/sharing/upstream/{platform}")
class UpstreamController {

    private final UpstreamIntake intake;
    private final InboundService inbound;
    private final PersonalDataReads reads;
    private final PersonKeys personKeys;

    UpstreamController(UpstreamIntake intake, InboundService inbound, PersonalDataReads reads, PersonKeys personKeys) {
        this.intake = intake;
        this.inbound = inbound;
        this.reads = reads;
        this.personKeys = personKeys;
    }

    /** One record (a JSON object) or a batch (an array); the good records are stored even when others are bad. */
    @PostMapping(path = "/listings", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ReceiptView> listings(@PathVariable String platform, @RequestBody JsonNode body, Caller caller) {
        SharingAccess.requirePlatform(caller, platform);
        List<JsonNode> items = new ArrayList<>();
        if (body.isArray()) {
            body.forEach(items::add);
        } else if (body.isObject()) {
            items.add(body);
        } else {
            throw new UnreadableFileException("请求体应为一条记录或记录数组 (the body must be one record or an array of "
                    + "records)", 0);
        }
        List<RawUpstreamRecord> raws = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            raws.add(raw(i + 1, items.get(i)));
        }
        return answer(platform, intake.records(platform, raws), false);
    }

    /** A .csv or .xlsx file with the headers of {@link UpstreamField}; see the sharing-service README. */
    @PostMapping(path = "/files", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<ReceiptView> file(@PathVariable String platform, @RequestParam("file") MultipartFile file,
                                     Caller caller) throws IOException {
        SharingAccess.requirePlatform(caller, platform);
        try (InputStream content = file.getInputStream()) {
            return answer(platform, intake.file(platform, file.getOriginalFilename(), content), true);
        }
    }

    /** The record as held, its ID number masked; a person's unmasked name is a read for the audit log (R16). */
    @GetMapping("/listings/{upstreamId}")
    ResponseEntity<UpstreamListingView> listing(@PathVariable String platform, @PathVariable String upstreamId,
                                                Caller caller) {
        SharingAccess.requirePlatform(caller, platform);
        return inbound.find(platform, upstreamId).map(l -> {
            if (l.record().subjectType() == SubjectType.PERSON) {
                reads.record(caller, null, new PersonalDataReads.Read("upstream-listing", platform + ":" + upstreamId,
                        null, personKeys.residentId(l.record().idNumber()), Masking.idNumber(l.record().idNumber())));
            }
            return UpstreamListingView.of(l);
        }).map(ResponseEntity::ok).orElseGet(() -> ResponseEntity.notFound().build());
    }

    private static ResponseEntity<ReceiptView> answer(String platform, Submission submission, boolean file) {
        if (!submission.clean()) {
            throw new RefusedRecordsException(platform, submission, file);
        }
        return ResponseEntity.ok(ReceiptView.of(platform, submission));
    }

    private static RawUpstreamRecord raw(int position, JsonNode item) {
        Map<UpstreamField, String> values = new EnumMap<>(UpstreamField.class);
        if (item.isObject()) {
            for (UpstreamField field : UpstreamField.values()) {
                JsonNode value = item.get(field.json());
                if (value != null && !value.isNull()) {
                    // a nested object or array is no field value: it stays unreadable text and fails its check
                    values.put(field, value.isValueNode() ? value.asText() : "\u0000");
                }
            }
        }
        return new RawUpstreamRecord(position, values, Map.of());
    }
}
