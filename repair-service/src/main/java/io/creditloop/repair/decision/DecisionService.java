package io.creditloop.repair.decision;

import io.creditloop.contracts.Envelope;
import io.creditloop.contracts.EventTypes;
import io.creditloop.contracts.Topics;
import io.creditloop.contracts.repair.v1.DecisionKind;
import io.creditloop.contracts.repair.v1.DecisionMade;
import io.creditloop.messaging.Outbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * The one place repair-service's decisions on listings are recorded and published ({@code repair.decision.made.v1}
 * on {@code repair.case.events}, keyed by listing id), in the caller's transaction: the case, the decision and its
 * event commit together. Identification-service applies the exits (R10-R12, R15).
 */
@Service
public class DecisionService {

    public static final String SOURCE = "/repair-service";

    private static final Logger log = LoggerFactory.getLogger(DecisionService.class);

    private final JdbcClient jdbc;
    private final Outbox outbox;

    public DecisionService(JdbcClient jdbc, Outbox outbox) {
        this.jdbc = jdbc;
        this.outbox = outbox;
    }

    public enum CaseKind { OBJECTION, REPAIR, SUPERVISION }

    /** @param note the decision's summary; it goes on an event, so never an ID number */
    @Transactional(propagation = Propagation.MANDATORY)
    public UUID decide(UUID listingId, CaseKind caseKind, UUID caseId, DecisionKind kind, String department,
                       String note, Instant now) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO decision (id, listing_id, case_kind, case_id, kind, department, note, decided_at)
                        VALUES (:id, :listingId, :caseKind, :caseId, :kind, :department, :note, :now)""")
                .param("id", id)
                .param("listingId", listingId)
                .param("caseKind", caseKind.name())
                .param("caseId", caseId)
                .param("kind", kind.name())
                .param("department", department)
                .param("note", note)
                .param("now", now.atOffset(ZoneOffset.UTC))
                .update();
        String key = listingId.toString();
        outbox.append(Topics.REPAIR_EVENTS, key, Envelope.of(SOURCE, EventTypes.DECISION_MADE, now, key,
                new DecisionMade(id, listingId, caseKind.name(), caseId, kind, department, note, now)));
        log.info("decision {} on listing {}: {} ({} {})", id, listingId, kind, caseKind, caseId);
        return id;
    }
}
