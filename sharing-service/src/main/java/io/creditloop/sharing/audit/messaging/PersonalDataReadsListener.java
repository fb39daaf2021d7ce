package io.creditloop.sharing.audit.messaging;

import io.creditloop.contracts.Envelope;
import io.creditloop.contracts.Topics;
import io.creditloop.contracts.audit.v1.PersonalDataRead;
import io.creditloop.messaging.EventCodec;
import io.creditloop.messaging.Inbox;
import io.creditloop.sharing.audit.AuditLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * R16: every service's personal-data reads into the audit log. A malformed message is poison and goes to
 * {@code audit.personal-data-reads.dlt}; a repeated delivery is skipped by the inbox (and the log's unique read id).
 */
@Component
class PersonalDataReadsListener {

    static final String CONSUMER = "sharing.audit.personal-data-reads";
    private static final Logger log = LoggerFactory.getLogger(PersonalDataReadsListener.class);

    private final EventCodec codec;
    private final Inbox inbox;
    private final AuditLog auditLog;

    PersonalDataReadsListener(EventCodec codec, Inbox inbox, AuditLog auditLog) {
        this.codec = codec;
        this.inbox = inbox;
        this.auditLog = auditLog;
    }

    @KafkaListener(id = "sharing-audit", topics = Topics.PERSONAL_DATA_READS, groupId = "sharing-service.audit")
    void on(String message) {
        Envelope<Object> event = codec.decode(message);
        if (!(event.data() instanceof PersonalDataRead)) {
            log.info("event {} of type {} is not read here: skipped", event.id(), event.type());
            return;
        }
        inbox.handleOnce(CONSUMER, event, e -> auditLog.add((PersonalDataRead) e.data()));
    }
}
