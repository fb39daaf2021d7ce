package io.creditloop.identification.intake;

/** The formats departments upload. The report is always written as XLSX. */
public enum SpreadsheetFormat {
    XLSX,
    CSV
}
