package io.creditloop.sharing.inbound;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * A CSV upload, streamed with Commons CSV. UTF-8 (with or without BOM) or, as Excel saves "CSV" on a Chinese
 * Windows, GBK: a file that is not valid UTF-8 throughout is read as GBK.
 */
final class CsvRows implements SheetRows {

    private static final Charset GBK = Charset.forName("GBK");
    private final Path file;

    CsvRows(Path file) {
        this.file = file;
    }

    @Override
    public void read(RowHandler handler) throws IOException {
        Charset charset = isUtf8(file) ? StandardCharsets.UTF_8 : GBK;
        CSVFormat format = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).setTrim(true).get();
        int last = 0;
        try (Reader reader = reader(charset);
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
                    throw new UnreadableFileException("CSV 第 " + (last + 1) + " 行附近格式错误 (the CSV is malformed "
                            + "near record " + (last + 1) + ", e.g. an unclosed quote)", last + 1);
                }
                last = (int) record.getRecordNumber();
                List<String> cells = new ArrayList<>(record.size());
                for (String value : record) {
                    cells.add(value == null || value.isEmpty() ? null : value);
                }
                // records, not lines: a clerk who opens the file in Excel sees each record as one row
                handler.row(last, cells);
            }
        }
    }

    private Reader reader(Charset charset) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file), 64 * 1024);
        in.mark(3);
        byte[] bom = in.readNBytes(3);
        if (!(charset == StandardCharsets.UTF_8 && bom.length == 3 && (bom[0] & 0xFF) == 0xEF
                && (bom[1] & 0xFF) == 0xBB && (bom[2] & 0xFF) == 0xBF)) {
            in.reset();
        }
        CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        return new InputStreamReader(in, decoder);
    }

    /** Decodes the whole file once, in bounded memory, reporting the first malformed byte. */
    static boolean isUtf8(Path file) throws IOException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        try (InputStream in = Files.newInputStream(file)) {
            ByteBuffer bytes = ByteBuffer.allocate(64 * 1024);
            CharBuffer chars = CharBuffer.allocate(64 * 1024);
            byte[] chunk = new byte[32 * 1024];
            int n;
            while ((n = in.read(chunk)) >= 0) {
                bytes.put(chunk, 0, n).flip();
                if (decoder.decode(bytes, chars, false).isError()) {
                    return false;
                }
                chars.clear();
                bytes.compact();
            }
            bytes.flip();
            return !decoder.decode(bytes, chars, true).isError() && !decoder.flush(chars).isError();
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
