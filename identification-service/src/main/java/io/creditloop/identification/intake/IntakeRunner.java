package io.creditloop.identification.intake;

import io.creditloop.calendar.CalendarYearMissingException;
import io.creditloop.identification.catalog.Catalog;
import io.creditloop.identification.catalog.ListTypeEntry;
import io.creditloop.identification.listing.FieldProblem;
import io.creditloop.identification.listing.InvalidListingException;
import io.creditloop.identification.listing.ListingService;
import io.creditloop.identification.listing.ListingSubmission;
import io.creditloop.identification.listing.RecordContentRules;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * Reads an upload's rows and turns each into a listing (R3), in chunks of {@code creditloop.intake.chunk-rows}
 * rows per transaction: the listings (through {@link ListingService#submitAll}, so the same rules, events and
 * outbox as the API), each row's outcome, the rejections and the progress counters commit together. A bad row is
 * rejected with its reasons and never takes another row with it. Chunks are finished in file order, so a run
 * interrupted by a crash resumes after the last finished chunk; the submission ids make a repeated row a duplicate,
 * never a second listing.
 */
@Component
public class IntakeRunner {

    private static final Logger log = LoggerFactory.getLogger(IntakeRunner.class);

    private final IntakeUploads uploads;
    private final ListingService listings;
    private final Catalog catalog;
    private final TransactionTemplate tx;
    private final IntakeProperties properties;
    private final Clock clock;

    private final io.creditloop.identification.subject.PersonKeys personKeys;
    private final Timer mapping;
    private final Timer writing;
    private final MeterRegistry meters;

    public IntakeRunner(IntakeUploads uploads, ListingService listings, Catalog catalog, TransactionTemplate tx,
                        IntakeProperties properties, Clock clock,
                        io.creditloop.identification.subject.PersonKeys personKeys, MeterRegistry meters) {
        this.personKeys = personKeys;
        this.meters = meters;
        this.mapping = Timer.builder("creditloop.intake.mapping")
                .description("Mapping a chunk's rows from the template's columns to submissions (dates, validity)")
                .register(meters);
        this.writing = Timer.builder("creditloop.intake.chunk")
                .description("Validating and storing one chunk of rows in its transaction: the R3 content rules, "
                        + "identification, listings, history, outbox, row outcomes and rejections")
                .register(meters);
        this.uploads = uploads;
        this.listings = listings;
        this.catalog = catalog;
        this.tx = tx;
        this.properties = properties;
        this.clock = clock;
    }

    /** The file was found damaged before any row was processed. */
    static final class UnreadableBeforeStart extends RuntimeException {
        UnreadableBeforeStart(UnreadableSpreadsheetException cause) {
            super(cause.getMessage(), cause);
        }
    }

    /** Signals a shutdown: the upload stays RUNNING and resumes at the next start. */
    static final class Stopped extends RuntimeException {
        Stopped() {
            super("stopping", null, false, false);
        }
    }

    /** Processes a claimed (RUNNING) upload to DONE or FAILED, unless {@code stopping} says to stop first. */
    public void run(IntakeUpload upload, BooleanSupplier stopping) {
        Run run = new Run(upload, stopping);
        try {
            run.all();
            uploads.finish(upload.id(), upload.attempts(), UploadState.DONE, run.progress, clock.instant(), null);
            log.info("intake upload {} done: {} rows, {} accepted, {} rejected, {} duplicates", upload.id(),
                    run.progress.rowsRead(), run.progress.accepted(), run.progress.rejected(),
                    run.progress.duplicates());
        } catch (IntakeUploads.LeaseLost e) {
            log.warn("intake upload {} was taken over by another instance after {} rows here; this one stops "
                    + "(its last chunk was not written)", upload.id(), run.progress.rowsRead());
        } catch (Stopped e) {
            uploads.release(upload.id(), upload.attempts(), run.progress);
            log.info("intake upload {} handed back after {} rows; it resumes on the next instance to take it",
                    upload.id(), run.progress.rowsRead());
        } catch (UnreadableBeforeStart e) {
            fail(upload, run, "文件已损坏，未写入任何记录：" + e.getCause().getMessage() + " (the file is damaged; "
                    + "nothing was written)");
        } catch (UnreadableSpreadsheetException e) {
            fail(upload, run, "文件在“" + run.sheet + "”第 " + e.lastRow() + " 行之后无法读取：" + e.getMessage()
                    + "。此前读到的 " + run.progress.rowsRead() + " 行已逐行处理，接受的记录保留；修复文件后重新上传，未改动的行"
                    + "将作为重复跳过 (the file could not be read after that row; the rows before it were processed one "
                    + "by one and accepted ones stay; upload the repaired file again: unchanged rows come back as "
                    + "duplicates)");
        } catch (InvalidUploadException e) {
            fail(upload, run, e.getMessage());
        } catch (DataAccessException e) {
            log.error("intake upload {} stopped by a database error", upload.id(), MaskedException.of(e));
            fail(upload, run, "数据库错误，处理在 " + run.progress.rowsRead() + " 行后停止；已接受的记录保留，重新上传同一文件"
                    + "可继续 (a database error stopped processing; accepted rows stay; upload the same file again to "
                    + "continue)");
        } catch (RuntimeException e) {
            log.error("intake upload {} stopped unexpectedly", upload.id(), MaskedException.of(e));
            fail(upload, run, "内部错误，处理在 " + run.progress.rowsRead() + " 行后停止；已接受的记录保留，重新上传同一文件"
                    + "可继续 (an internal error stopped processing; accepted rows stay; upload the same file again to "
                    + "continue)");
        }
    }

    private void fail(IntakeUpload upload, Run run, String reason) {
        try {
            uploads.finish(upload.id(), upload.attempts(), UploadState.FAILED, run.progress, clock.instant(), reason);
            log.warn("intake upload {} failed after {} rows", upload.id(), run.progress.rowsRead());
        } catch (IntakeUploads.LeaseLost e) {
            log.warn("intake upload {} failed here after {} rows, but another instance has taken it over: its "
                    + "outcome is that instance's", upload.id(), run.progress.rowsRead());
        }
    }

    /** One processing run of an upload. */
    private final class Run {

        /** A row read and mapped, waiting for its chunk to be written. */
        private record Pending(UploadPlan.SheetPlan sheetPlan, TemplateMapping.Header header, SheetRow row,
                               TemplateMapping.MappedRow mapped) {
        }

        private final IntakeUpload upload;
        private final BooleanSupplier stopping;
        private final ListTypeResolver resolver;
        private final Optional<int[]> resumeAfter;
        private final List<Pending> chunk = new ArrayList<>();
        private long mappingNanos;
        Progress progress;
        String sheet = "";

        Run(IntakeUpload upload, BooleanSupplier stopping) {
            this.upload = upload;
            this.stopping = stopping;
            this.resolver = ListTypeResolver.of(catalog.all(), upload.department());
            this.progress = uploads.countOutcomes(upload.id());
            this.resumeAfter = uploads.lastRow(upload.id());
        }

        void all() {
            if (resumeAfter.isPresent()) {
                log.info("intake upload {} resumes after row {} of sheet {}", upload.id(), resumeAfter.get()[1],
                        resumeAfter.get()[0]);
            }
            try (SpreadsheetFile file = Spreadsheets.open(upload.storedPath(), upload.format())) {
                UploadPlan plan = UploadPlan.of(file, upload.listType(), upload.department(),
                        properties.headerSearchRows());
                if (resumeAfter.isEmpty()) {
                    checkReadable(file, plan);
                }
                for (UploadPlan.SheetPlan sheetPlan : plan.sheets()) {
                    if (resumeAfter.isPresent() && sheetPlan.index() < resumeAfter.get()[0]) {
                        continue;
                    }
                    sheet = sheetPlan.name();
                    SheetWalk walk = new SheetWalk(sheetPlan.header(), upload.listType() != null);
                    try {
                        file.read(sheetPlan.index(), true, row -> {
                            if (stopping.getAsBoolean()) {
                                throw new Stopped(); // the chunk read so far is dropped and read again on resume
                            }
                            if (walk.step(row) instanceof SheetWalk.Data data && !done(sheetPlan.index(), row.number())) {
                                long start = System.nanoTime();
                                chunk.add(new Pending(sheetPlan, data.header(), row, TemplateMapping.map(data.header(),
                                        row, upload.department(), upload.listType(), resolver)));
                                mappingNanos += System.nanoTime() - start;
                                if (chunk.size() >= properties.chunkRows()) {
                                    flush();
                                }
                            }
                            return true;
                        });
                    } catch (UnreadableSpreadsheetException e) {
                        flush(); // the rows read before the damage are kept, as the failure reason says
                        throw e;
                    }
                    flush();
                }
            }
        }

        /** A damaged file fails before its first row is written, rather than half-way. */
        private void checkReadable(SpreadsheetFile file, UploadPlan plan) {
            for (UploadPlan.SheetPlan sheetPlan : plan.sheets()) {
                sheet = sheetPlan.name();
                try {
                    file.check(sheetPlan.index());
                } catch (UnreadableSpreadsheetException e) {
                    throw new UnreadableBeforeStart(e);
                }
            }
        }

        private boolean done(int sheetIndex, int row) {
            if (resumeAfter.isEmpty()) {
                return false;
            }
            int[] last = resumeAfter.get();
            return sheetIndex < last[0] || (sheetIndex == last[0] && row <= last[1]);
        }

        /**
         * Writes the chunk in one transaction: its listings, every row's outcome, the rejections and the progress
         * counters commit together, so a crash leaves whole chunks and the run resumes after the last one. If the
         * chunk cannot be written as a whole for a reason other than the database being unavailable, its rows are
         * written one by one, so one bad row never takes the others with it.
         */
        private void flush() {
            if (chunk.isEmpty()) {
                return;
            }
            mapping.record(mappingNanos, TimeUnit.NANOSECONDS);
            mappingNanos = 0;
            Progress before = progress;
            Timer.Sample sample = Timer.start(meters);
            try {
                progress = tx.execute(status -> writeChunk());
            } catch (IntakeUploads.LeaseLost e) {
                throw e;
            } catch (DuplicateKeyException raced) {
                // a row committed concurrently by another upload of the department
                rowByRow();
            } catch (DataAccessException e) {
                throw e;
            } catch (RuntimeException e) {
                log.warn("intake upload {}: a chunk of {} rows is written row by row after an error", upload.id(),
                        chunk.size(), MaskedException.of(e));
                rowByRow();
            }
            sample.stop(writing);
            count(before, progress);
            chunk.clear();
        }

        private void count(Progress before, Progress after) {
            meters.counter("creditloop.intake.rows", "outcome", "accepted").increment(after.accepted() - before.accepted());
            meters.counter("creditloop.intake.rows", "outcome", "rejected").increment(after.rejected() - before.rejected());
            meters.counter("creditloop.intake.rows", "outcome", "duplicate")
                    .increment(after.duplicates() - before.duplicates());
        }

        private Progress writeChunk() {
            Map<String, Optional<ListTypeEntry>> types = new HashMap<>();
            Function<String, Optional<ListTypeEntry>> cachedCatalog =
                    code -> types.computeIfAbsent(code, catalog::current);
            List<ListingSubmission> valid = chunk.stream()
                    .filter(p -> p.mapped().problems().isEmpty())
                    .map(p -> p.mapped().submission())
                    .toList();
            List<ListingService.BatchResult> results = listings.submitAll(valid);
            List<IntakeUploads.RowRecord> rows = new ArrayList<>(chunk.size());
            List<Rejection> rejections = new ArrayList<>();
            Progress after = progress;
            int next = 0;
            for (Pending p : chunk) {
                RowOutcome outcome;
                UUID listingId = null;
                if (!p.mapped().problems().isEmpty()) {
                    rejections.addAll(rejections(p, withContentProblems(p.mapped(), cachedCatalog)));
                    outcome = RowOutcome.REJECTED;
                } else {
                    ListingService.BatchResult result = results.get(next++);
                    if (result.refused()) {
                        rejections.addAll(rejections(p, result.problems()));
                        outcome = RowOutcome.REJECTED;
                    } else {
                        outcome = result.created() ? RowOutcome.ACCEPTED : RowOutcome.DUPLICATE;
                        listingId = result.listingId();
                    }
                }
                rows.add(new IntakeUploads.RowRecord(p.sheetPlan().index(), p.row().number(), outcome, listingId));
                after = after.plus(outcome);
            }
            uploads.addRejections(upload.id(), rejections);
            uploads.recordRows(upload.id(), rows);
            uploads.progress(upload.id(), upload.attempts(), after);
            return after;
        }

        private void rowByRow() {
            for (Pending p : chunk) {
                progress = progress.plus(process(p));
            }
            uploads.progress(upload.id(), upload.attempts(), progress);
        }

        private RowOutcome process(Pending p) {
            if (!p.mapped().problems().isEmpty()) {
                return reject(p, withContentProblems(p.mapped(), catalog::current));
            }
            try {
                return tx.execute(status -> {
                    ListingService.Submitted submitted = listings.submit(p.mapped().submission());
                    RowOutcome outcome = submitted.created() ? RowOutcome.ACCEPTED : RowOutcome.DUPLICATE;
                    uploads.recordRow(upload.id(), p.sheetPlan().index(), p.row().number(), outcome,
                            submitted.listing().id());
                    return outcome;
                });
            } catch (InvalidListingException e) {
                return reject(p, e.problems());
            } catch (DuplicateKeyException raced) {
                // the same row committed concurrently by another upload of the department
                uploads.recordRow(upload.id(), p.sheetPlan().index(), p.row().number(), RowOutcome.DUPLICATE, null);
                return RowOutcome.DUPLICATE;
            } catch (DataAccessException e) {
                throw e;
            } catch (CalendarYearMissingException e) {
                // R4, R5: a publicity period is not guessed; the row is taken once the year's file is added
                return reject(p, List.of(new FieldProblem("row", "工作日历缺少 " + e.year()
                        + " 年的节假日安排，该行未写入；信用办补充后重新上传同一文件即可 (" + e.getMessage() + ")")));
            } catch (RuntimeException e) {
                log.error("intake upload {}: row {} of sheet {} failed unexpectedly", upload.id(), p.row().number(),
                        p.sheetPlan().index(), MaskedException.of(e));
                return reject(p, List.of(new FieldProblem("row",
                        "内部错误，该行未写入，请联系信用办 (internal error: the row was not written)")));
            }
        }

        /** The mapping's own problems and the record content rules' (R3), so the clerk fixes a row in one go. */
        private List<FieldProblem> withContentProblems(TemplateMapping.MappedRow mapped,
                                                       Function<String, Optional<ListTypeEntry>> types) {
            List<FieldProblem> problems = new ArrayList<>(mapped.problems());
            // one reason per cell: the mapping's (a formula error, an unreadable date) says more than "required"
            java.util.Set<String> explained = new java.util.HashSet<>();
            problems.forEach(p -> explained.add(p.field()));
            try {
                RecordContentRules.accept(mapped.submission(), types, LocalDate.now(clock), personKeys);
            } catch (InvalidListingException e) {
                e.problems().stream()
                        .filter(p -> !explained.contains(p.field()))
                        .forEach(problems::add);
            }
            return problems;
        }

        private List<Rejection> rejections(Pending p, List<FieldProblem> problems) {
            boolean listTypeParameter = upload.listType() != null;
            List<Rejection> rejections = new ArrayList<>(problems.size());
            int seq = 0;
            for (FieldProblem problem : problems) {
                rejections.add(new Rejection(p.sheetPlan().name(), p.sheetPlan().index(), p.row().number(), seq++,
                        TemplateMapping.columnOf(p.header(), problem.field(), listTypeParameter), problem.field(),
                        TemplateMapping.explain(p.header(), p.row(), problem)));
            }
            return rejections;
        }

        private RowOutcome reject(Pending p, List<FieldProblem> problems) {
            tx.executeWithoutResult(status -> {
                uploads.addRejections(upload.id(), rejections(p, problems));
                uploads.recordRow(upload.id(), p.sheetPlan().index(), p.row().number(), RowOutcome.REJECTED, null);
            });
            return RowOutcome.REJECTED;
        }
    }
}
