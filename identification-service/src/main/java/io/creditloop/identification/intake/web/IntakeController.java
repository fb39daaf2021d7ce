package io.creditloop.identification.intake.web;

import io.creditloop.identification.access.DepartmentAccess;
import io.creditloop.security.Caller;
import io.creditloop.security.PersonalDataReads;

import io.creditloop.identification.intake.IntakeService;
import io.creditloop.identification.intake.IntakeUpload;
import io.creditloop.identification.intake.ReportWriter;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.UUID;

/**
 * R3: departments upload their listing spreadsheets here (Huangshi annex 1, Daye annex 4; .xlsx or .csv). The upload
 * is answered at once with 202; a UI polls the upload for progress, then reads the rejections or downloads the report.
 */
@RestController
@RequestMapping("/api/intake/uploads")
class IntakeController {

    static final int MAX_PAGE = 1000;
    private static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final IntakeService service;
    private final ReportWriter reports;
    private final DepartmentAccess access;
    private final PersonalDataReads reads;

    IntakeController(IntakeService service, ReportWriter reports, DepartmentAccess access, PersonalDataReads reads) {
        this.service = service;
        this.reports = reports;
        this.access = access;
        this.reads = reads;
    }

    /**
     * R16: rejections and the report show the rows as uploaded, ID numbers and names included, of many persons at
     * once: one record per read, naming the upload (its rows are the department's own file), not each person.
     */
    private void recordRead(Caller caller, UUID upload, String what) {
        reads.record(caller, null, new PersonalDataReads.Read(what, upload.toString(), null, null, null));
    }

    /** R16: an upload, its rejections and its report (personal data) are the uploading department's only. */
    private IntakeUpload own(UUID id, Caller caller) {
        IntakeUpload upload = service.get(id);
        access.requireDepartment(caller, upload.department(), null);
        return upload;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<UploadView> upload(@RequestParam("file") MultipartFile file, @RequestParam String department,
                                      @RequestParam(required = false) String listType, Caller caller) {
        access.requireDepartment(caller, department, listType);
        IntakeUpload upload = service.receive(new IntakeService.IncomingFile() {
            @Override
            public String name() {
                return file.getOriginalFilename();
            }

            @Override
            public long size() {
                return file.getSize();
            }

            @Override
            public void saveTo(Path target) throws IOException {
                file.transferTo(target);
            }
        }, department, listType);
        return ResponseEntity.accepted().location(URI.create("/api/intake/uploads/" + upload.id()))
                .body(UploadView.of(upload));
    }

    @GetMapping("/{id}")
    UploadView get(@PathVariable UUID id, Caller caller) {
        return UploadView.of(own(id, caller));
    }

    /** Page {@code page} (from 0) of {@code size} (1 to {@value #MAX_PAGE}) rejections, by sheet, row and column. */
    @GetMapping("/{id}/rejections")
    RejectionPage rejections(@PathVariable UUID id, @RequestParam(defaultValue = "0") int page,
                             @RequestParam(defaultValue = "100") int size, Caller caller) {
        own(id, caller);
        int from = Math.max(page, 0);
        int count = Math.min(Math.max(size, 1), MAX_PAGE);
        var items = service.rejections(id, from, count).stream()
                .map(r -> new RejectionPage.Item(r.sheet(), r.row(), r.column(), r.field(), r.message()))
                .toList();
        if (!items.isEmpty()) {
            recordRead(caller, id, "upload-rejections");
        }
        return new RejectionPage(id, from, count, service.countRejections(id), items);
    }

    /** Streamed into the response as it is written; the checks (exists, finished) come before the first byte. */
    @GetMapping("/{id}/report.xlsx")
    void report(@PathVariable UUID id, HttpServletResponse response, Caller caller) throws IOException {
        IntakeUpload upload = own(id, caller);
        reports.checkReady(upload);
        recordRead(caller, id, "upload-report");
        String base = upload.fileName().replaceFirst("\\.[^.]*$", "");
        response.setContentType(XLSX.toString());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename(base + "-报告.xlsx", StandardCharsets.UTF_8).build().toString());
        reports.write(upload, response.getOutputStream());
    }
}
