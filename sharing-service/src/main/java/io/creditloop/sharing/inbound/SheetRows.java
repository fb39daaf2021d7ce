package io.creditloop.sharing.inbound;

import java.io.IOException;
import java.util.List;

/** A spreadsheet read row by row, never whole: a .csv or the first sheet of an .xlsx. */
interface SheetRows {

    /** One row: its number as the clerk sees it (1-based) and its cells as text, empty cells {@code null}. */
    @FunctionalInterface
    interface RowHandler {
        void row(int number, List<String> cells);
    }

    /** @throws UnreadableFileException when the file is not what its name says, or breaks off */
    void read(RowHandler handler) throws IOException;
}
