package io.creditloop.identification.intake;

/**
 * Follows a sheet's rows below its header. A sheet may stack several tables, as Daye's annex 4 does with its
 * organisations and persons forms: a row that is a complete header of a template switches to it; the footers and
 * titles between the tables have no text in the template's columns and are skipped.
 */
final class SheetWalk {

    private final boolean listTypeGiven;
    private final int firstHeaderRow;
    private TemplateMapping.Header header;

    SheetWalk(TemplateMapping.Header header, boolean listTypeGiven) {
        this.header = header;
        this.firstHeaderRow = header.row();
        this.listTypeGiven = listTypeGiven;
    }

    /** What a row is: a data row to read with the current header, or nothing to read. */
    sealed interface Step permits Data, Header, Skip {
    }

    record Data(TemplateMapping.Header header) implements Step {
    }

    record Header(TemplateMapping.Header header) implements Step {
    }

    record Skip() implements Step {
    }

    /**
     * @throws UnreadableSpreadsheetException when a later header lacks a required column: its rows cannot be read
     */
    Step step(SheetRow row) {
        if (row.number() < firstHeaderRow) {
            return new Skip();
        }
        if (row.number() == firstHeaderRow) {
            return new Header(header);
        }
        TemplateMapping.HeaderMatch match = TemplateMapping.matchHeader(row, listTypeGiven);
        if (match instanceof TemplateMapping.Found found) {
            header = found.header();
            return new Header(header);
        }
        if (match instanceof TemplateMapping.Incomplete incomplete) {
            throw new UnreadableSpreadsheetException(incomplete.message() + "，其下各行无法读取 (a later header row "
                    + "lacks required columns; the rows below it cannot be read)", row.number() - 1, null);
        }
        return TemplateMapping.isBlank(header, row) ? new Skip() : new Data(header);
    }
}
