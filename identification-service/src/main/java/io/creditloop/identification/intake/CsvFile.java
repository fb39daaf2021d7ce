package io.creditloop.identification.intake;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * A CSV upload, read with Apache Commons CSV one record at a time. Excel in a Chinese locale saves CSV in GBK, newer
 * versions in UTF-8 with a byte order mark: the encoding is told from the bytes (a BOM, else valid UTF-8 throughout,
 * else GB18030, the superset of GBK). The delimiter is a comma unless the first lines hold more tabs or semicolons.
 */
public final class CsvFile implements SpreadsheetFile {

    public static final String SHEET = "csv";
    public static final Charset GB18030 = Charset.forName("GB18030");
    static final int MAX_CELL = 32_767;
    private static final int SAMPLE_LINES = 20;

    private final Path file;
    private final Encoding encoding;

    /** The file's character set and the length of its byte order mark. */
    public record Encoding(Charset charset, int bomLength) {
    }

    private CsvFile(Path file, Encoding encoding) {
        this.file = file;
        this.encoding = encoding;
    }

    public static CsvFile open(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return new CsvFile(file, detectEncoding(in));
        }
    }

    /** Reads the whole stream once: a 200 MB file takes well under a second, and a late GBK byte is not missed. */
    public static Encoding detectEncoding(InputStream raw) throws IOException {
        InputStream in = raw.markSupported() ? raw : new BufferedInputStream(raw);
        in.mark(4);
        byte[] head = in.readNBytes(3);
        in.reset();
        if (head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
            return new Encoding(StandardCharsets.UTF_8, 3);
        }
        if (head.length >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE) {
            return new Encoding(StandardCharsets.UTF_16LE, 2);
        }
        if (head.length >= 2 && (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF) {
            return new Encoding(StandardCharsets.UTF_16BE, 2);
        }
        return new Encoding(isUtf8(in) ? StandardCharsets.UTF_8 : GB18030, 0);
    }

    private static boolean isUtf8(InputStream in) throws IOException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer bytes = ByteBuffer.allocate(64 * 1024);
        CharBuffer chars = CharBuffer.allocate(64 * 1024);
        byte[] chunk = new byte[32 * 1024];
        int n;
        while ((n = in.read(chunk)) != -1) {
            bytes.put(chunk, 0, n);
            bytes.flip();
            CoderResult result = decoder.decode(bytes, chars, false);
            if (result.isError()) {
                return false;
            }
            chars.clear();
            bytes.compact();
        }
        bytes.flip();
        CoderResult result = decoder.decode(bytes, chars, true);
        return !result.isError() && !bytes.hasRemaining() && !decoder.flush(chars).isError();
    }

    /** The delimiter used most often over the sample lines; a comma when there is none. */
    static char detectDelimiter(List<String> lines) {
        char best = ',';
        long bestCount = 0;
        for (char candidate : new char[] {',', '\t', ';'}) {
            long count = lines.stream().mapToLong(line -> line.chars().filter(c -> c == candidate).count()).sum();
            if (count > bestCount) {
                best = candidate;
                bestCount = count;
            }
        }
        return best;
    }

    public Encoding encoding() {
        return encoding;
    }

    @Override
    public SpreadsheetFormat format() {
        return SpreadsheetFormat.CSV;
    }

    @Override
    public List<String> sheetNames() {
        return List.of(SHEET);
    }

    @Override
    public void probe(int sheet, RowHandler handler) {
        read(sheet, false, handler);
    }

    @Override
    public void check(int sheet) {
        read(sheet, false, row -> true);
    }

    @Override
    public void read(int sheet, boolean fillMerged, RowHandler handler) {
        if (sheet != 0) {
            throw new IllegalArgumentException("a CSV file has one sheet");
        }
        CSVFormat format;
        try {
            format = CSVFormat.RFC4180.builder()
                    .setDelimiter(detectDelimiter(sampleLines()))
                    .setIgnoreEmptyLines(false)
                    .get();
        } catch (IOException | UncheckedIOException e) {
            throw new UnreadableSpreadsheetException("CSV 文件无法读取 (the CSV file cannot be read)", 0, e);
        }
        int last = 0;
        try (Reader reader = reader();
             CSVParser parser = CSVParser.builder().setReader(reader).setFormat(format).get()) {
            Iterator<CSVRecord> records = parser.iterator();
            while (true) {
                CSVRecord record;
                try {
                    if (!records.hasNext()) {
                        return;
                    }
                    record = records.next();
                } catch (UncheckedIOException | IllegalStateException e) {
                    throw malformed(last, e);
                }
                int number = (int) record.getRecordNumber();
                List<String> cells = new ArrayList<>(record.size());
                for (String value : record) {
                    cells.add(value == null || value.isEmpty() ? null
                            : value.length() > MAX_CELL ? value.substring(0, MAX_CELL) : value);
                }
                last = number;
                if (!handler.row(SheetRow.of(number, cells))) {
                    return;
                }
            }
        } catch (IOException e) {
            throw malformed(last, e);
        }
    }

    private static UnreadableSpreadsheetException malformed(int last, Exception e) {
        return new UnreadableSpreadsheetException("CSV 第 " + (last + 1) + " 行格式错误，无法继续读取 (the CSV is "
                + "malformed at record " + (last + 1) + ", e.g. an unclosed quote)", last, e);
    }

    private List<String> sampleLines() throws IOException {
        List<String> lines = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(reader())) {
            String line;
            while (lines.size() < SAMPLE_LINES && (line = reader.readLine()) != null) {
                lines.add(line.length() > 4096 ? line.substring(0, 4096) : line);
            }
        }
        return lines;
    }

    private Reader reader() throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file), 64 * 1024);
        try {
            in.skipNBytes(encoding.bomLength());
        } catch (IOException e) {
            in.close();
            throw e;
        }
        // a stray byte after a good start is shown as U+FFFD and fails validation on its row, not the whole upload
        CharsetDecoder decoder = encoding.charset().newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        return new InputStreamReader(in, decoder);
    }

    @Override
    public void close() {
        // nothing held open between reads
    }
}
