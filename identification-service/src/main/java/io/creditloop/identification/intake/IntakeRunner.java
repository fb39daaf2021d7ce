package io.creditloop.identification.intake;

import io.creditloop.identification.catalog.Catalog;
import io.creditloop.identification.listing.FieldProblem;
import io.creditloop.identification.listing.InvalidListingException;
import io.creditloop.identification.listing.ListingService;
import io.creditloop.identification.listing.RecordContentRules;
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
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * Reads an upload's rows and turns each into a listing (R3), one transaction per row: the listing (through
 * {@link ListingService#submit}, so the same rules, events and outbox as the API) and the row's outcome commit
 * together;
 * a bad row is rejected with its reasons and never takes another row with it. Rows are finished in file order, so
 * a run interrupted by a crash resumes after the last finished row; the submission ids make a repeated row a
 * duplicate, never a second listing.
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

    public IntakeRunner(IntakeUploads uploads, ListingService listings, Catalog catalog, TransactionTemplate tx,
                        IntakeProperties properties, Clock clock,
                        io.creditloop.identification.subject.PersonKeys personKeys) {
        this.personKeys = personKeys;
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
            uploads.finish(upload.id(), UploadState.DONE, run.progress, clock.instant(), null);
            log.info("intake upload {} done: {} rows, {} accepted, {} rejected, {} duplicates", upload.id(),
                    run.progress.rowsRead(), run.progress.accepted(), run.progress.rejected(),
                    run.progress.duplicates());
        } catch (Stopped e) {
            uploads.progress(upload.id(), run.progress);
            log.info("intake upload {} interrupted after {} rows; it resumes at the next start", upload.id(),
                    run.progress.rowsRead());
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
        uploads.finish(upload.id(), UploadState.FAILED, run.progress, clock.instant(), reason);
        log.warn("intake upload {} failed after {} rows", upload.id(), run.progress.rowsRead());
    }

    /** One processing run of an upload. */
    private final class Run {

        private final IntakeUpload upload;
        private final BooleanSupplier stopping;
        private final ListTypeResolver resolver;
        private final Optional<int[]> resumeAfter;
        Progress progress;
        String sheet = "";
        private int sinceFlush;

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
                    file.read(sheetPlan.index(), true, row -> {
                        if (stopping.getAsBoolean()) {
                            throw new Stopped();
                        }
                        if (walk.step(row) instanceof SheetWalk.Data data && !done(sheetPlan.index(), row.number())) {
                            progress = progress.plus(process(sheetPlan, data.header(), row));
                            if (++sinceFlush >= properties.progressEvery()) {
                                uploads.progress(upload.id(), progress);
                                sinceFlush = 0;
                            }
                        }
                        return true;
                    });
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

        private RowOutcome process(UploadPlan.SheetPlan sheetPlan, TemplateMapping.Header header, SheetRow row) {
            TemplateMapping.MappedRow mapped = TemplateMapping.map(header, row, upload.department(),
                    upload.listType(), resolver);
            if (!mapped.problems().isEmpty()) {
                return reject(sheetPlan, header, row, withContentProblems(mapped));
            }
            try {
                return tx.execute(status -> {
                    ListingService.Submitted submitted = listings.submit(mapped.submission());
                    RowOutcome outcome = submitted.created() ? RowOutcome.ACCEPTED : RowOutcome.DUPLICATE;
                    uploads.recordRow(upload.id(), sheetPlan.index(), row.number(), outcome,
                            submitted.listing().id());
                    return outcome;
                });
            } catch (InvalidListingException e) {
                return reject(sheetPlan, header, row, e.problems());
            } catch (DuplicateKeyException raced) {
                // the same row committed concurrently by another upload of the department
                uploads.recordRow(upload.id(), sheetPlan.index(), row.number(), RowOutcome.DUPLICATE, null);
                return RowOutcome.DUPLICATE;
            } catch (DataAccessException e) {
                throw e;
            } catch (Stopped e) {
                throw e;
            } catch (RuntimeException e) {
                log.error("intake upload {}: row {} of sheet {} failed unexpectedly", upload.id(), row.number(),
                        sheetPlan.index(), MaskedException.of(e));
                return reject(sheetPlan, header, row, List.of(new FieldProblem("row",
                        "内部错误，该行未写入，请联系信用办 (internal error: the row was not written)")));
            }
        }

        /** The mapping's own problems and the record content rules' (R3), so the clerk fixes a row in one go. */
        private List<FieldProblem> withContentProblems(TemplateMapping.MappedRow mapped) {
            List<FieldProblem> problems = new ArrayList<>(mapped.problems());
            boolean listTypeKnown = problems.stream().anyMatch(p -> p.field().equals("listType"));
            try {
                RecordContentRules.accept(mapped.submission(), catalog::current, LocalDate.now(clock), personKeys);
            } catch (InvalidListingException e) {
                e.problems().stream()
                        .filter(p -> !(listTypeKnown && p.field().equals("listType")))
                        .forEach(problems::add);
            }
            return problems;
        }

        private RowOutcome reject(UploadPlan.SheetPlan sheetPlan, TemplateMapping.Header header, SheetRow row,
                                  List<FieldProblem> problems) {
            boolean listTypeParameter = upload.listType() != null;
            tx.executeWithoutResult(status -> {
                int seq = 0;
                for (FieldProblem problem : problems) {
                    uploads.addRejection(upload.id(), new Rejection(sheetPlan.name(), sheetPlan.index(), row.number(),
                            seq++, TemplateMapping.columnOf(header, problem.field(), listTypeParameter),
                            problem.field(), TemplateMapping.explain(header, row, problem)));
                }
                uploads.recordRow(upload.id(), sheetPlan.index(), row.number(), RowOutcome.REJECTED, null);
            });
            return RowOutcome.REJECTED;
        }
    }
}
