package io.creditloop.sharing.inbound;

/**
 * Why one record of a submission was not accepted.
 *
 * @param record the row number as the spreadsheet shows it (header = row 1 of a CSV, the sheet's own number in an
 *               .xlsx), or the 1-based position in a JSON batch
 * @param column the column header as in the file, or the JSON property; {@code null} for the record as a whole
 * @param reason in Chinese and English; never contains an unmasked ID number
 */
public record RecordProblem(int record, String column, String reason) {
}
