package io.creditloop.identification.intake;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Tells an upload's format from its bytes, not its name, and opens it. */
public final class Spreadsheets {

    private static final int SNIFF = 8 * 1024;

    private Spreadsheets() {
    }

    /** @throws InvalidUploadException when the file is empty or neither an .xlsx workbook nor CSV text */
    public static SpreadsheetFormat detect(Path file) {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(SNIFF);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (head.length == 0) {
            throw new InvalidUploadException("file", "文件为空 (the file is empty)");
        }
        if (startsWith(head, 0x50, 0x4B, 0x03, 0x04)) {
            return SpreadsheetFormat.XLSX;
        }
        if (startsWith(head, 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1)) {
            throw new InvalidUploadException("file", "这是旧版 Excel 97-2003 (.xls) 文件或加密的工作簿，请另存为 .xlsx 或 "
                    + ".csv 后上传 (an old .xls or an encrypted workbook: save it as .xlsx or .csv)");
        }
        if (looksLikeText(head)) {
            return SpreadsheetFormat.CSV;
        }
        throw new InvalidUploadException("file", "不是 .xlsx 或 .csv 文件 (the file is neither an .xlsx workbook nor "
                + "CSV text)");
    }

    /** @throws InvalidUploadException when the content is not a readable file of that format */
    public static SpreadsheetFile open(Path file, SpreadsheetFormat format) {
        try {
            return format == SpreadsheetFormat.XLSX ? XlsxFile.open(file) : CsvFile.open(file);
        } catch (IOException e) {
            throw new InvalidUploadException("file", "文件不是可读取的 .xlsx 工作簿，可能已损坏 (not a readable .xlsx "
                    + "workbook; it may be damaged)");
        }
    }

    private static boolean startsWith(byte[] head, int... magic) {
        if (head.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((head[i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }

    /** No NUL bytes (unless UTF-16 with its mark) and almost no control characters: text, so perhaps CSV. */
    static boolean looksLikeText(byte[] head) {
        boolean utf16 = startsWith(head, 0xFF, 0xFE) || startsWith(head, 0xFE, 0xFF);
        if (startsWith(head, '%', 'P', 'D', 'F')) {
            return false;
        }
        int control = 0;
        for (byte b : head) {
            int c = b & 0xFF;
            if (c == 0 && !utf16) {
                return false;
            }
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != 0x0C && c != 0x1A && c != 0) {
                control++;
            }
        }
        return control * 100 <= head.length;
    }
}
