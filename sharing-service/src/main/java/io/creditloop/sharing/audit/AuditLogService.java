package io.creditloop.sharing.audit;

import io.creditloop.contracts.audit.v1.PersonalDataRead;
import io.creditloop.sharing.subject.PersonKeys;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * R16: the credit office searches and exports the personal-data audit log. A person is searched by the whole ID
 * number, turned into the subject key here ({@link PersonKeys}, the same keyed hash every service names persons by);
 * the number itself is neither stored nor echoed.
 */
@Service
public class AuditLogService {

    public static final int MAX_PAGE_SIZE = 500;

    private final AuditLog log;
    private final PersonKeys personKeys;
    private final Clock clock;

    public AuditLogService(AuditLog log, PersonKeys personKeys, Clock clock) {
        this.log = log;
        this.personKeys = personKeys;
        this.clock = clock;
    }

    public record Page(List<PersonalDataRead> items, int page, int size, long total) {
    }

    /**
     * @param idType   the person's ID type, {@code RESIDENT_ID} unless given
     * @param from, to days in the deployment's zone, both inclusive
     */
    public AuditLog.Filter filter(String idType, String idNumber, String callerCode, String callerKind, String what,
                                  LocalDate from, LocalDate to) {
        String key = blank(idNumber) ? null : personKeys.of(blank(idType) ? PersonKeys.RESIDENT_ID
                : idType.strip().toUpperCase(Locale.ROOT), idNumber);
        Instant start = from == null ? null : from.atStartOfDay(clock.getZone()).toInstant();
        Instant end = to == null ? null : to.plusDays(1).atStartOfDay(clock.getZone()).toInstant();
        return new AuditLog.Filter(key, stripped(callerCode), blank(callerKind) ? null
                : callerKind.strip().toUpperCase(Locale.ROOT), stripped(what), start, end);
    }

    @Transactional(readOnly = true)
    public Page page(AuditLog.Filter filter, int page, int size) {
        return new Page(log.page(filter, (long) page * size, size), page, size, log.count(filter));
    }

    @Transactional(readOnly = true)
    public void export(AuditLog.Filter filter, Consumer<PersonalDataRead> sink) {
        log.each(filter, sink);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String stripped(String s) {
        return blank(s) ? null : s.strip();
    }
}
