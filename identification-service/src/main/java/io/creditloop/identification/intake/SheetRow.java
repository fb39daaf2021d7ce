package io.creditloop.identification.intake;

import java.util.BitSet;
import java.util.Collections;
import java.util.List;

/**
 * One row of a spreadsheet as the clerk sees it: its row number as shown by Excel (1-based; for a CSV the record
 * number) and its cells as text, indexed by column (0 = A). Empty cells are {@code null}.
 *
 * @param numeric      columns whose cell held a number (an ID number stored as a number has lost digits in Excel)
 * @param inherited    columns filled from a vertically merged cell above, not typed into this row
 * @param uncalculated columns whose cell holds a formula saved without its value (written by a program that does
 *                     not calculate, not by Excel): the clerk sees a value that the file does not contain
 */
public record SheetRow(int number, List<String> cells, BitSet numeric, BitSet inherited, BitSet uncalculated) {

    public SheetRow {
        cells = Collections.unmodifiableList(cells);
        numeric = (BitSet) numeric.clone();
        inherited = (BitSet) inherited.clone();
        uncalculated = (BitSet) uncalculated.clone();
    }

    public SheetRow(int number, List<String> cells, BitSet numeric, BitSet inherited) {
        this(number, cells, numeric, inherited, new BitSet());
    }

    public static SheetRow of(int number, List<String> cells) {
        return new SheetRow(number, cells, new BitSet(), new BitSet());
    }

    /** The cell's text, or {@code null} when it is empty or beyond the row's last cell. */
    public String cell(int column) {
        if (column < 0 || column >= cells.size()) {
            return null;
        }
        String value = cells.get(column);
        return value == null || value.isBlank() ? null : value;
    }

    public boolean isNumeric(int column) {
        return column >= 0 && numeric.get(column);
    }

    public boolean isInherited(int column) {
        return column >= 0 && inherited.get(column);
    }

    public boolean isUncalculated(int column) {
        return column >= 0 && uncalculated.get(column);
    }

    public int width() {
        return cells.size();
    }

    /** True when no cell holds text (nor a formula whose value is missing). */
    public boolean isEmpty() {
        if (!uncalculated.isEmpty()) {
            return false;
        }
        for (int i = 0; i < cells.size(); i++) {
            if (cell(i) != null) {
                return false;
            }
        }
        return true;
    }
}
