package io.creditloop.sanction.measure.web;

import io.creditloop.sanction.measure.Measure;
import io.creditloop.sanction.measure.MeasureVersion;
import io.creditloop.sanction.measure.Scenario;

import java.time.Instant;
import java.util.List;

/** One version of one measure of the catalog (R9). */
public record MeasureView(String listTypeCode, String agencyCode, String measureCode, int version, String measure,
                          String legalBasis, List<Scenario> scenarios, String scenarioNote,
                          boolean confirmationRequired, int responseWorkingDays, boolean withdrawn,
                          Instant publishedAt, String publishedBy, String revisionNote) {

    static MeasureView of(MeasureVersion v) {
        Measure m = v.measure();
        return new MeasureView(m.listTypeCode(), m.agencyCode(), m.measureCode(), m.version(), m.measure(),
                m.legalBasis(), m.scenarios(), m.scenarioNote(), m.confirmationRequired(), m.responseWorkingDays(),
                v.withdrawn(), v.publishedAt(), v.publishedBy(), v.revisionNote());
    }
}
