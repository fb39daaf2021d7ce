package io.creditloop.identification.intake;

import io.creditloop.identification.catalog.Catalog;
import io.creditloop.messaging.CurrentRequestId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * R3: departments report listings in spreadsheets. An upload is checked as a whole before anything is written (its
 * format by content, a template header in some sheet, every required column), stored, and queued; a worker reads its
 * rows in the background ({@link IntakeRunner}).
 */
@Service
public class IntakeService {

    private static final Logger log = LoggerFactory.getLogger(IntakeService.class);

    private final IntakeUploads uploads;
    private final Catalog catalog;
    private final IntakeWorker worker;
    private final IntakeProperties properties;
    private final Clock clock;

    public IntakeService(IntakeUploads uploads, Catalog catalog, IntakeWorker worker, IntakeProperties properties,
                         Clock clock) {
        this.uploads = uploads;
        this.catalog = catalog;
        this.worker = worker;
        this.properties = properties;
        this.clock = clock;
    }

    /** A file arriving in a request; it is saved before it is looked at. */
    public interface IncomingFile {
        String name();

        long size();

        void saveTo(Path target) throws IOException;
    }

    /**
     * @param listType optional: a list type (code or catalog name) that applies to every row
     * @throws UploadTooLargeException over {@code creditloop.intake.max-file-size}
     * @throws InvalidUploadException  when the upload cannot be taken; nothing is stored
     */
    public IntakeUpload receive(IncomingFile file, String department, String listType) {
        String dept = department == null ? "" : department.strip();
        if (dept.isEmpty() || dept.length() > 64) {
            throw new InvalidUploadException("department", "department 为必填项，即认定部门代码，如 tax (department is "
                    + "required: the recognising department's code, e.g. tax)");
        }
        String listTypeCode = listType(listType, dept);
        long max = properties.maxFileSize().toBytes();
        if (file.size() > max) {
            throw new UploadTooLargeException(file.size(), max);
        }
        UUID id = UUID.randomUUID();
        Path dir = storageDir();
        Path incoming = dir.resolve(id + ".incoming");
        try {
            file.saveTo(incoming);
            long size = Files.size(incoming);
            if (size > max) {
                throw new UploadTooLargeException(size, max);
            }
            SpreadsheetFormat format = Spreadsheets.detect(incoming);
            UploadPlan plan;
            try (SpreadsheetFile sheet = Spreadsheets.open(incoming, format)) {
                plan = UploadPlan.of(sheet, listTypeCode, dept, properties.headerSearchRows());
            }
            String sha256 = sha256(incoming);
            Path stored = dir.resolve(id + (format == SpreadsheetFormat.XLSX ? ".xlsx" : ".csv"));
            Files.move(incoming, stored, StandardCopyOption.ATOMIC_MOVE);
            IntakeUpload upload = new IntakeUpload(id, dept, listTypeCode, fileName(file.name()), stored, size, sha256,
                    format, plan.templates(), plan.notes(), UploadState.RECEIVED, Progress.NONE, 0, clock.instant(),
                    null, null, null, CurrentRequestId.get());
            try {
                uploads.insert(upload);
            } catch (RuntimeException e) {
                Files.deleteIfExists(stored);
                throw e;
            }
            log.info("intake upload {} received: department {}, {} {} bytes, templates {}", id, dept, format, size,
                    plan.templates());
            worker.wake();
            return upload;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store upload " + id, e);
        } finally {
            try {
                Files.deleteIfExists(incoming);
            } catch (IOException e) {
                log.warn("cannot delete {}", incoming, e);
            }
        }
    }

    public IntakeUpload get(UUID id) {
        return uploads.find(id).orElseThrow(() -> new UploadNotFoundException(id));
    }

    public List<Rejection> rejections(UUID id, int page, int size) {
        get(id);
        return uploads.rejections(id, (long) page * size, size);
    }

    public long countRejections(UUID id) {
        return uploads.countRejections(id);
    }

    /** R2: the list type parameter must name a catalog type the uploading department owns. */
    private String listType(String raw, String department) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        ListTypeResolver resolver = ListTypeResolver.of(catalog.all(), department);
        ListTypeResolver.Resolution resolution = resolver.resolve(raw);
        if (resolution instanceof ListTypeResolver.Unresolved unresolved) {
            throw new InvalidUploadException("listType", unresolved.message());
        }
        ListTypeResolver.Entry entry = ((ListTypeResolver.Found) resolution).entry();
        if (!entry.department().equals(department)) {
            throw new InvalidUploadException("listType", "名单类型 " + entry.code() + " 属于 " + entry.department() + "，"
                    + department + " 无权认定 (list type is owned by another department)");
        }
        return entry.code();
    }

    private Path storageDir() {
        Path dir = properties.storagePath();
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create intake storage directory " + dir, e);
        }
    }

    private static String fileName(String name) {
        if (name == null || name.isBlank()) {
            return "upload";
        }
        String slashed = name.replace('\\', '/');
        String base = slashed.substring(slashed.lastIndexOf('/') + 1).replace("\u0000", "");
        return base.length() > 255 ? base.substring(base.length() - 255) : base;
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            try (OutputStream sink = OutputStream.nullOutputStream();
                 java.security.DigestInputStream hashing = new java.security.DigestInputStream(in, digest)) {
                hashing.transferTo(sink);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
