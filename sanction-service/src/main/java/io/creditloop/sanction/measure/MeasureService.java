package io.creditloop.sanction.measure;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.List;
import java.util.Locale;

/** R9: the credit office edits the measures catalog; each revision is published as a new version. */
@Service
public class MeasureService {

    private static final Logger log = LoggerFactory.getLogger(MeasureService.class);

    private final Measures measures;
    private final Clock clock;

    public MeasureService(Measures measures, Clock clock) {
        this.measures = measures;
        this.clock = clock;
    }

    /**
     * Publishes a new measure, or the next version of one.
     *
     * @throws io.creditloop.sanction.InvalidInputException if the draft is incomplete or malformed
     * @throws OutdatedRevisionException if the draft revised an outdated version, or another revision was published
     *                                   at the same moment
     */
    @Transactional
    public MeasureVersion publish(MeasureDraft draft) {
        MeasureVersion next = MeasureRules.revise(draft, measures.latest(upper(draft.listTypeCode()),
                lower(draft.agencyCode()), upper(draft.measureCode())), clock.instant());
        store(next);
        return next;
    }

    /** Takes a measure out of force: tasks already made under it stay, no new ones are made. */
    @Transactional
    public MeasureVersion withdraw(String listTypeCode, String agencyCode, String measureCode, String publishedBy,
                                   String note) {
        String listType = upper(listTypeCode);
        String agency = lower(agencyCode);
        String code = upper(measureCode);
        MeasureVersion next = MeasureRules.withdraw(measures.latest(listType, agency, code), listType, agency, code,
                publishedBy, note, clock.instant());
        store(next);
        return next;
    }

    @Transactional(readOnly = true)
    public List<MeasureVersion> inForce(String listTypeCode) {
        List<MeasureVersion> all = measures.inForce();
        return listTypeCode == null || listTypeCode.isBlank() ? all : all.stream()
                .filter(v -> v.measure().listTypeCode().equals(upper(listTypeCode))).toList();
    }

    /** @throws MeasureNotFoundException if the measure was never published */
    @Transactional(readOnly = true)
    public List<MeasureVersion> history(String listTypeCode, String agencyCode, String measureCode) {
        List<MeasureVersion> history = measures.history(upper(listTypeCode), lower(agencyCode), upper(measureCode));
        if (history.isEmpty()) {
            throw new MeasureNotFoundException(listTypeCode, agencyCode, measureCode);
        }
        return history;
    }

    private void store(MeasureVersion next) {
        Measure m = next.measure();
        if (!measures.insert(next)) {
            throw new OutdatedRevisionException(m.listTypeCode() + "/" + m.agencyCode() + "/" + m.measureCode()
                    + " version " + m.version() + " was published by someone else at the same time");
        }
        log.info("measures catalog: {}/{}/{} v{} {} by {}", m.listTypeCode(), m.agencyCode(), m.measureCode(),
                m.version(), next.withdrawn() ? "withdrawn" : "published", next.publishedBy());
    }

    private static String upper(String code) {
        return code == null ? null : code.strip().toUpperCase(Locale.ROOT);
    }

    private static String lower(String code) {
        return code == null ? null : code.strip().toLowerCase(Locale.ROOT);
    }
}
