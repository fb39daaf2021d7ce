package io.creditloop.sanction.check;

import io.creditloop.sanction.measure.Measure;
import io.creditloop.sanction.measure.MeasuresInForce;
import io.creditloop.sanction.watch.SubjectKeys;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The real-time credit check: a subject's listings in force today (service clock) from the local read model, the
 * measures of the asked scenario (R9), and for every person involved an entry in the check register (R16). An ID
 * number is turned into its subject key at once and goes no further.
 * <p>
 * The hot path is one statement, so one round trip to PostgreSQL and no transaction around it: the lookup and the
 * register insert are one data-modifying statement ({@link CreditSubjectListings#check}), atomic on its own. The
 * measures come from the catalog held in memory ({@link MeasuresInForce}).
 */
@Service
public class CreditCheckService {

    private final CreditSubjectListings listings;
    private final MeasuresInForce measures;
    private final SubjectKeys keys;
    private final Clock clock;
    private final int nameMatchLimit;

    public CreditCheckService(CreditSubjectListings listings, MeasuresInForce measures, SubjectKeys keys, Clock clock,
                              @Value("${creditloop.sanction.check.name-match-limit:50}") int nameMatchLimit) {
        this.listings = listings;
        this.measures = measures;
        this.keys = keys;
        this.clock = clock;
        this.nameMatchLimit = nameMatchLimit;
    }

    public CheckResult check(CheckRequest request) {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, clock.getZone());
        String value = request.value();
        CheckRegister.Registration registration;
        if (request.by() == CheckRequest.By.ID_NUMBER) {
            // R16: a check by ID number is registered even when nothing is found
            value = keys.ofPerson(request.idType(), request.value());
            registration = new CheckRegister.Registration(now, request.agency(), request.user(),
                    request.scenario().name(), request.by(), value, MaskedIdNumber.of(request.value()));
        } else {
            // R16: every person a USCC or name check finds
            registration = new CheckRegister.Registration(now, request.agency(), request.user(),
                    request.scenario().name(), request.by(), null, null);
        }
        List<SubjectListing> found = listings.check(request.by(), value, request.fuzzy(), today, nameMatchLimit,
                registration);
        Map<String, List<SubjectListing>> bySubject = new LinkedHashMap<>();
        for (SubjectListing l : found) {
            bySubject.computeIfAbsent(l.subjectKey(), k -> new ArrayList<>()).add(l);
        }
        List<CheckResult.Found> subjects = new ArrayList<>(bySubject.size());
        for (List<SubjectListing> ls : bySubject.values()) {
            SubjectListing first = ls.get(0);
            List<Measure> applying = ScenarioMeasures.apply(ls, request.scenario(), measures::forListType);
            subjects.add(new CheckResult.Found(first.subjectKey(), first.subjectType(), first.name(), first.uscc(),
                    first.maskedId(), List.copyOf(ls), applying));
        }
        return new CheckResult(request.by(), request.scenario(), today, List.copyOf(subjects));
    }
}
