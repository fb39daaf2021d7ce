package io.creditloop.sanction.check.web;

import io.creditloop.sanction.check.CheckResult;
import io.creditloop.sanction.check.SubjectListing;
import io.creditloop.sanction.measure.Measure;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The answer of a credit check. Persons appear by subject key and masked ID number only (R16); the query is echoed
 * masked too.
 */
record CreditCheckView(String queriedBy, String query, String scenario, LocalDate checkedOn, boolean listed,
                       List<SubjectView> subjects) {

    record SubjectView(String subjectKey, String subjectType, String name, String uscc, String maskedIdNumber,
                       List<ListingView> listings, List<MeasureView> measures) {
    }

    record ListingView(UUID listingId, long version, String kind, String listTypeCode, String listTypeName,
                       String department, LocalDate validFrom, LocalDate validUntil) {
        static ListingView of(SubjectListing l) {
            return new ListingView(l.listingId(), l.version(), l.kind().name(), l.listTypeCode(), l.listTypeName(),
                    l.department(), l.validFrom(), l.validUntil());
        }
    }

    record MeasureView(String listTypeCode, String agencyCode, String measureCode, int version, String measure,
                       String legalBasis, String scenarioNote) {
        static MeasureView of(Measure m) {
            return new MeasureView(m.listTypeCode(), m.agencyCode(), m.measureCode(), m.version(), m.measure(),
                    m.legalBasis(), m.scenarioNote());
        }
    }

    static CreditCheckView of(CheckResult r, String shownQuery) {
        List<SubjectView> subjects = r.subjects().stream().map(s -> new SubjectView(s.subjectKey(),
                s.subjectType().name(), s.name(), s.uscc(), s.maskedId(),
                s.listings().stream().map(ListingView::of).toList(),
                s.measures().stream().map(MeasureView::of).toList())).toList();
        return new CreditCheckView(r.queriedBy().name(), shownQuery, r.scenario().name(), r.checkedOn(),
                !subjects.isEmpty(), subjects);
    }
}
