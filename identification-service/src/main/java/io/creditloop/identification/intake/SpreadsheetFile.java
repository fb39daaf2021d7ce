package io.creditloop.identification.intake;

import java.io.Closeable;
import java.util.List;

/** An uploaded spreadsheet opened for streaming reads: rows are pushed to a handler, never held all at once. */
public interface SpreadsheetFile extends Closeable {

    SpreadsheetFormat format();

    /** Sheet names in workbook order; a CSV has the one sheet {@value CsvFile#SHEET}. */
    List<String> sheetNames();

    /**
     * Reads the first rows of a sheet cheaply, to find its header; rows without any text may be omitted.
     *
     * @throws UnreadableSpreadsheetException when the sheet cannot be read
     */
    void probe(int sheet, RowHandler handler);

    /**
     * Reads the whole sheet once without handing rows on, so damage is found before any row is processed.
     *
     * @throws UnreadableSpreadsheetException when the sheet cannot be read to its end
     */
    void check(int sheet);

    /**
     * Reads a whole sheet in bounded memory, in row order.
     *
     * @param fillMerged copy the value of a vertically merged cell into the rows it spans, as the clerk sees it
     * @throws UnreadableSpreadsheetException when the sheet cannot be read on; rows before it were handed over
     */
    void read(int sheet, boolean fillMerged, RowHandler handler);

    @Override
    void close();
}
