package io.creditloop.sharing.inbound;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Takes in a submission: checks each record ({@link UpstreamRecordRules}), stores the good ones in chunks
 * ({@link InboundService}, one transaction each) and collects the problems of the others. A file is copied to a
 * private temporary file, read as a stream and deleted.
 */
@Component
public class UpstreamIntake {

    private static final Logger log = LoggerFactory.getLogger(UpstreamIntake.class);

    private final InboundService service;
    private final UpstreamProperties properties;
    private final Clock clock;

    public UpstreamIntake(InboundService service, UpstreamProperties properties, Clock clock) {
        this.service = service;
        this.properties = properties;
        this.clock = clock;
    }

    /** JSON: one record or a batch; {@code position} is the record's 1-based place in the batch. */
    public Submission records(String platform, List<RawUpstreamRecord> records) {
        service.requireKnown(platform);
        Collector collector = new Collector(platform);
        records.forEach(collector::add);
        return collector.finish();
    }

    /**
     * @param filename decides the format: {@code .csv} or {@code .xlsx}
     * @throws UnreadableFileException when the file cannot be read at all, or its header lacks required columns
     */
    public Submission file(String platform, String filename, InputStream content) throws IOException {
        service.requireKnown(platform);
        String name = filename == null ? "" : filename.toLowerCase(Locale.ROOT).strip();
        if (!name.endsWith(".csv") && !name.endsWith(".xlsx")) {
            throw new UnreadableFileException("仅接受 .csv 或 .xlsx 文件 (only .csv and .xlsx files are accepted)", 0);
        }
        Path file = Files.createTempFile("upstream-", name.endsWith(".csv") ? ".csv" : ".xlsx");
        try {
            Files.copy(content, file, StandardCopyOption.REPLACE_EXISTING);
            SheetRows rows = name.endsWith(".csv") ? new CsvRows(file) : new XlsxRows(file);
            Collector collector = new Collector(platform);
            UpstreamSheet[] sheet = {null};
            int[] titleRows = {0};
            rows.read((number, cells) -> {
                if (UpstreamSheet.isBlank(cells)) {
                    return;
                }
                if (sheet[0] == null) {
                    if (UpstreamSheet.looksLikeHeader(cells) || ++titleRows[0] > UpstreamSheet.MAX_TITLE_ROWS) {
                        sheet[0] = UpstreamSheet.ofHeader(number, cells);
                    }
                    return;
                }
                collector.add(sheet[0].record(number, cells));
            });
            if (sheet[0] == null) {
                throw new UnreadableFileException("文件中没有表头行 (the file has no header row)", 0);
            }
            Submission submission = collector.finish();
            log.info("upstream {} file: {} record(s) accepted, {} refused", platform,
                    submission.receipt().accepted(), submission.refused());
            return submission;
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** Checks records as they come and stores every {@code chunkSize} accepted ones. */
    private final class Collector {

        private final String platform;
        private final LocalDate today = LocalDate.now(clock);
        private final List<UpstreamRecord> chunk = new ArrayList<>();
        private final List<RecordProblem> problems = new ArrayList<>();
        private Receipt receipt = Receipt.NONE;
        private int refused;
        private int problemCount;

        Collector(String platform) {
            this.platform = platform;
        }

        void add(RawUpstreamRecord raw) {
            UpstreamRecordRules.Checked checked = UpstreamRecordRules.check(raw, today);
            if (checked instanceof UpstreamRecordRules.Accepted accepted) {
                chunk.add(accepted.record());
                if (chunk.size() >= properties.chunkSize()) {
                    flush();
                }
            } else if (checked instanceof UpstreamRecordRules.Refused r) {
                refused++;
                problemCount += r.problems().size();
                for (RecordProblem problem : r.problems()) {
                    if (problems.size() < properties.maxProblems()) {
                        problems.add(problem);
                    }
                }
            }
        }

        Submission finish() {
            flush();
            return new Submission(receipt, refused, List.copyOf(problems), problemCount);
        }

        private void flush() {
            if (!chunk.isEmpty()) {
                receipt = receipt.plus(service.receive(platform, List.copyOf(chunk)));
                chunk.clear();
            }
        }
    }
}
