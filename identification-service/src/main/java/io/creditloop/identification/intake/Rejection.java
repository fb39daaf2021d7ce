package io.creditloop.identification.intake;

/**
 * One reason a row was rejected.
 *
 * @param column the column header as the file has it, or the request parameter the problem is about
 */
public record Rejection(String sheet, int sheetIndex, int row, int seq, String column, String field, String message) {
}
