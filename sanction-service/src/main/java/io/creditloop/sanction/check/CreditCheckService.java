package io.creditloop.sanction.check;

import io.creditloop.contracts.listing.v1.SubjectType;
import io.creditloop.sanction.measure.Measure;
import io.creditloop.sanction.measure.Measures;
import io.creditloop.sanction.watch.SubjectKeys;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The real-time credit check: a subject's listings in force today (service clock) from the local read model, the
 * measures of the asked scenario (R9), and for every person involved an entry in the check register in the same
 * transaction (R16). An ID number is turned into its subject key at once and goes no further.
 */
@Service
public class CreditCheckService {

    private final CreditSubjectListings listings;
    private final Measures measures;
    private final CheckRegister register;
    private final SubjectKeys keys;
    private final Clock clock;
    private final int nameMatchLimit;

    public CreditCheckService(CreditSubjectListings listings, Measures measures, CheckRegister register,
                              SubjectKeys keys, Clock clock,
                              @Value("${creditloop.sanction.check.name-match-limit:50}") int nameMatchLimit) {
        this.listings = listings;
        this.measures = measures;
        this.register = register;
        this.keys = keys;
        this.clock = clock;
        this.nameMatchLimit = nameMatchLimit;
    }

    @Transactional
    public CheckResult check(CheckRequest request) {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, clock.getZone());
        String personKey = null;
        List<SubjectListing> found = switch (request.by()) {
            case USCC -> listings.inForceByUscc(request.value(), today);
            case ID_NUMBER -> {
                personKey = keys.ofPerson(request.idType(), request.value());
                yield listings.inForceBySubjectKey(personKey, today);
            }
            case NAME -> request.fuzzy()
                    ? listings.inForceByNameLike(request.value(), today, nameMatchLimit)
                    : listings.inForceByName(request.value(), today, nameMatchLimit);
        };
        Map<String, List<SubjectListing>> bySubject = new LinkedHashMap<>();
        for (SubjectListing l : found) {
            bySubject.computeIfAbsent(l.subjectKey(), k -> new ArrayList<>()).add(l);
        }
        Map<String, List<Measure>> catalog = new HashMap<>();
        List<CheckResult.Found> subjects = new ArrayList<>(bySubject.size());
        for (List<SubjectListing> ls : bySubject.values()) {
            SubjectListing first = ls.get(0);
            List<Measure> applying = ScenarioMeasures.apply(ls, request.scenario(),
                    code -> catalog.computeIfAbsent(code, measures::forListType));
            subjects.add(new CheckResult.Found(first.subjectKey(), first.subjectType(), first.name(), first.uscc(),
                    first.maskedId(), List.copyOf(ls), applying));
        }
        registerPersons(request, now, personKey, subjects);
        return new CheckResult(request.by(), request.scenario(), today, List.copyOf(subjects));
    }

    /** R16: one entry per person checked; a check by ID number is registered even when nothing is found. */
    private void registerPersons(CheckRequest request, Instant now, String personKey,
                                 List<CheckResult.Found> subjects) {
        if (personKey != null) {
            int count = subjects.stream().mapToInt(s -> s.listings().size()).sum();
            register.register(new CheckRegister.Entry(now, request.agency(), request.user(),
                    request.scenario().name(), request.by(), personKey, MaskedIdNumber.of(request.value()), count));
            return;
        }
        for (CheckResult.Found s : subjects) {
            if (s.subjectType() == SubjectType.PERSON) {
                register.register(new CheckRegister.Entry(now, request.agency(), request.user(),
                        request.scenario().name(), request.by(), s.subjectKey(), s.maskedId(), s.listings().size()));
            }
        }
    }
}
