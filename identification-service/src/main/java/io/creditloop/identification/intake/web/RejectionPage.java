package io.creditloop.identification.intake.web;

import java.util.List;
import java.util.UUID;

/** One page of an upload's rejected rows: where (sheet, row, column) and why. */
public record RejectionPage(UUID uploadId, int page, int size, long total, List<Item> items) {

    public record Item(String sheet, int row, String column, String field, String message) {
    }
}
