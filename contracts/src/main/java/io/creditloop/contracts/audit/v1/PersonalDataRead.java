package io.creditloop.contracts.audit.v1;

import java.time.Instant;
import java.util.UUID;

/**
 * {@code audit.personal-data-read.v1} on {@code audit.personal-data-reads}: R16, one read of a natural person's
 * unmasked data (the full ID number or the unmasked name), recorded by the service that answered it in the same
 * request. Never carries the ID number itself: the person is named by the keyed subject key and the masked number.
 *
 * @param readId         unique per read; the audit log stores each once
 * @param callerKind     {@code DEPARTMENT}, {@code AGENCY}, {@code CREDIT_OFFICE}, {@code PUBLIC} or {@code INTERNAL}
 * @param callerCode     the department's or agency's code, {@code credit-office}, empty for the public
 * @param callerSubject  the client id or staff login answerable for the read
 * @param service        the service that showed the data, e.g. {@code identification-service}
 * @param what           what was read: {@code listing}, {@code upload-report}, {@code task}, {@code credit-check},
 *                       {@code subject-query}, {@code upstream-listing}, {@code objection}, {@code repair-case}
 * @param resourceId     the id of what was read (listing, upload, task, objection, ...)
 * @param listingId      the listing the data belongs to, if any
 * @param subjectKey     {@code ID:<type>:<HMAC-SHA256>} of the person; null when a read names no single person (an
 *                       upload report)
 * @param maskedIdNumber the ID number masked (first 6 and last 4 of a resident ID), if the service knows it
 * @param purpose        the purpose the caller gave ({@code X-Purpose}, or the query's own purpose), if any
 * @param requestId      the gateway's {@code X-Request-Id}, if the request had one
 */
public record PersonalDataRead(UUID readId, Instant at, String callerKind, String callerCode, String callerSubject,
                               String service, String what, String resourceId, UUID listingId, String subjectKey,
                               String maskedIdNumber, String purpose, String requestId) {
}
