package io.creditloop.publication.board;

import io.creditloop.contracts.listing.v1.ExitReason;
import io.creditloop.contracts.listing.v1.ListKind;
import io.creditloop.contracts.listing.v1.SubjectType;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * R13: the announcement that a listing left its list, on the channel it was published on (001 §19; 004 §6(三)).
 * {@code note} is the exit's note, masked; after a credit repair it is the rectification noted (R12, 000 §5(二)).
 * Never made for an erroneous listing, which disappears without a notice naming the subject (R11, 001 §19).
 */
public record ExitAnnouncement(UUID listingId, ListKind listKind, String listTypeCode, String listTypeName,
                               SubjectType subjectType, String subjectName, String uscc, String maskedIdNumber,
                               String recognisingDepartment, ExitReason exitReason, LocalDate exitDate,
                               String note, Instant announcedAt) {

    public ExitAnnouncement {
        if (exitReason == ExitReason.ERRONEOUS) {
            throw new IllegalArgumentException("an erroneous listing is never announced (R11)");
        }
    }
}
