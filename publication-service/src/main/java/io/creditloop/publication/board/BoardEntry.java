package io.creditloop.publication.board;

import io.creditloop.contracts.listing.v1.ListKind;
import io.creditloop.contracts.listing.v1.SubjectType;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * R7: one listing as published on the board, shown from {@code validFrom} to {@code validUntil} inclusive (the
 * published period is the validity: 001 §10; 003 §20; 004 §4(三)). Holds masked data only (see {@link Masking}).
 *
 * @param uscc           organisations only
 * @param maskedIdNumber persons only
 * @param validUntil     last day in force, inclusive; {@code null} for 长期 (no end)
 * @param publishedAt    when the board first showed the listing; a correction keeps it
 * @param rectificationNote R12 (b): the rectification noted after a credit repair, shown for the rest of validity;
 *                          {@code null} if none
 */
public record BoardEntry(UUID listingId, long version, ListKind listKind, String listTypeCode, String listTypeName,
                         SubjectType subjectType, String subjectName, String uscc, String maskedIdNumber,
                         String reason, String recognisingDepartment, String basis, LocalDate recognitionDate,
                         LocalDate validFrom, LocalDate validUntil, Instant publishedAt, String rectificationNote) {
}
