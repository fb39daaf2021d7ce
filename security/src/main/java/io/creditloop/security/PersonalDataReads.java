package io.creditloop.security;

import io.creditloop.contracts.Envelope;
import io.creditloop.contracts.EventTypes;
import io.creditloop.contracts.Topics;
import io.creditloop.contracts.audit.v1.PersonalDataRead;
import io.creditloop.messaging.CurrentRequestId;
import io.creditloop.messaging.Outbox;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * R16: every read of a natural person's unmasked data (the full ID number or the unmasked name), by anyone, is
 * recorded as {@code audit.personal-data-read.v1} on {@link Topics#PERSONAL_DATA_READS} through the service's outbox,
 * in the request that shows the data: in the caller's transaction if there is one, else in one of its own that
 * commits before the answer is written. If the record cannot be written the request fails, so no answer leaves
 * without its record, and nothing recorded is lost on a crash. sharing-service keeps the audit log the credit office
 * searches.
 * <p>
 * The purpose is what the caller states: the query's own purpose where the endpoint has one, else a request parameter
 * {@code purpose}, else the {@value #PURPOSE_HEADER} header (percent-encoded UTF-8, as HTTP headers carry ASCII
 * only: {@code X-Purpose: %E6%A0%B8%E6%9F%A5}). The request id is the gateway's {@value #REQUEST_ID_HEADER} as the
 * {@link RequestIdFilter} checked it, or, for a read made while an event is handled (a task sent to an agency), the
 * id that event came with ({@link CurrentRequestId}).
 */
public class PersonalDataReads {

    public static final String PURPOSE_HEADER = "X-Purpose";
    public static final String REQUEST_ID_HEADER = io.creditloop.contracts.RequestIds.HEADER;
    static final int MAX_PURPOSE = 500;
    /** A whole resident ID number (15 or 18 characters): never allowed in the record. */
    private static final Pattern WHOLE_ID_NUMBER = Pattern.compile("\\d{17}[\\dXx]|\\d{15}");

    /**
     * One person's data read.
     *
     * @param what           {@code listing}, {@code upload-report}, {@code task}, {@code credit-check}, ...
     * @param resourceId     the id of what was read
     * @param listingId      the listing the data belongs to, if any
     * @param subjectKey     the person's keyed subject key ({@code ID:<type>:<HMAC>}); null if the read names no one
     * @param maskedIdNumber the masked ID number, if known; a whole number is refused
     */
    public record Read(String what, String resourceId, UUID listingId, String subjectKey, String maskedIdNumber) {
        public Read {
            Objects.requireNonNull(what, "what");
            if (maskedIdNumber != null && WHOLE_ID_NUMBER.matcher(maskedIdNumber.strip()).matches()) {
                throw new IllegalArgumentException("R16: an audit record never holds an unmasked ID number");
            }
        }
    }

    private final Outbox outbox;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final String service;

    public PersonalDataReads(Outbox outbox, TransactionTemplate tx, Clock clock, String service) {
        this.outbox = outbox;
        this.tx = tx;
        this.clock = clock;
        this.service = service;
    }

    /** Records one read; {@code purpose} null: the {@value #PURPOSE_HEADER} header, if any. */
    public void record(Caller caller, String purpose, Read read) {
        recordAll(caller, purpose, List.of(read));
    }

    /** One record per person read, all in one transaction (nothing for an empty list). */
    public void recordAll(Caller caller, String purpose, List<Read> reads) {
        if (reads.isEmpty()) {
            return;
        }
        Instant at = clock.instant();
        String stated = purpose != null && !purpose.isBlank() ? purpose.strip() : statedInRequest();
        List<Outbox.Message> messages = new ArrayList<>(reads.size());
        for (Read r : reads) {
            UUID readId = UUID.randomUUID();
            String key = r.subjectKey() != null ? r.subjectKey() : r.resourceId();
            PersonalDataRead event = new PersonalDataRead(readId, at, caller.kind().name(), caller.code(),
                    caller.subject(), service, r.what(), r.resourceId(), r.listingId(), r.subjectKey(),
                    r.maskedIdNumber(), shortened(stated), CurrentRequestId.of(r.listingId()));
            messages.add(new Outbox.Message(Topics.PERSONAL_DATA_READS, key, new Envelope<>(Envelope.SPEC_VERSION,
                    readId.toString(), "/" + service, EventTypes.PERSONAL_DATA_READ, at, key, Envelope.CONTENT_TYPE,
                    event)));
        }
        tx.executeWithoutResult(status -> outbox.appendAll(messages));
    }

    /** The {@code purpose} parameter, else the percent-decoded {@value #PURPOSE_HEADER} header, else null. */
    public static String statedInRequest() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        if (!(attributes instanceof ServletRequestAttributes servlet)) {
            return null;
        }
        String parameter = servlet.getRequest().getParameter("purpose");
        if (parameter != null && !parameter.isBlank()) {
            return parameter.strip();
        }
        String header = header(PURPOSE_HEADER);
        if (header == null) {
            return null;
        }
        try {
            return URLDecoder.decode(header, StandardCharsets.UTF_8).strip();
        } catch (IllegalArgumentException e) {
            return header;
        }
    }

    private static String header(String name) {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        if (attributes instanceof ServletRequestAttributes servlet) {
            String value = servlet.getRequest().getHeader(name);
            return value == null || value.isBlank() ? null : value.strip();
        }
        return null;
    }

    private static String shortened(String text) {
        return text == null || text.length() <= MAX_PURPOSE ? text : text.substring(0, MAX_PURPOSE);
    }
}
