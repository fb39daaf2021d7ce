package io.creditloop.sanction.check;

import io.creditloop.sanction.FieldProblem;
import io.creditloop.sanction.InvalidInputException;
import io.creditloop.sanction.watch.SubjectKeys;
import io.creditloop.sanction.watch.WatchRules;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * R16 (001 §23-24): the credit office reviews who checked whom. Filters: the asking agency, a period of days in the
 * service's zone (both ends included), a subject by its key or by an ID number (keyed at once, never stored or
 * echoed). Entries only ever hold the subject key and the masked ID number.
 */
@Service
public class RegisterReview {

    public static final int MAX_PAGE_SIZE = 500;
    private static final Pattern AGENCY = Pattern.compile("[\\p{L}\\p{N}._@-]{1,64}");

    /** One page of the register, newest first. */
    public record Page(int page, int size, long total, List<CheckRegister.Entry> entries) {
    }

    private final CheckRegister register;
    private final SubjectKeys keys;
    private final Clock clock;

    public RegisterReview(CheckRegister register, SubjectKeys keys, Clock clock) {
        this.register = register;
        this.keys = keys;
        this.clock = clock;
    }

    /** The review's filter from raw parameters; every field that needs correcting in one 400. */
    public CheckRegister.Filter filter(String agency, LocalDate from, LocalDate to, String subjectKey, String idType,
                                       String idNumber) {
        List<FieldProblem> problems = new ArrayList<>();
        String agencyCode = blank(agency) ? null : agency.strip();
        if (agencyCode != null && !AGENCY.matcher(agencyCode).matches()) {
            problems.add(new FieldProblem("agency", "an agency code, 1-64 characters"));
        }
        if (from != null && to != null && to.isBefore(from)) {
            problems.add(new FieldProblem("to", "not before from"));
        }
        String key = blank(subjectKey) ? null : subjectKey.strip();
        if (!blank(idNumber)) {
            String number = idNumber.strip().toUpperCase(Locale.ROOT);
            String type = blank(idType) ? CheckRequest.RESIDENT_ID : idType.strip().toUpperCase(Locale.ROOT);
            String problem = CheckRequest.RESIDENT_ID.equals(type) ? WatchRules.residentIdProblem(number)
                    : number.matches("[0-9A-Z]{4,32}") && type.matches("[A-Z][A-Z_]{1,31}") ? null
                    : "4-32 of 0-9 and A-Z, with an ID type such as PASSPORT";
            if (key != null) {
                problems.add(new FieldProblem("subjectKey|idNumber", "name the subject by at most one of them"));
            } else if (problem != null) {
                problems.add(new FieldProblem("idNumber", problem));
            } else {
                key = keys.ofPerson(type, number);
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("register query", problems);
        }
        return new CheckRegister.Filter(agencyCode,
                from == null ? null : from.atStartOfDay(clock.getZone()).toInstant(),
                to == null ? null : to.plusDays(1).atStartOfDay(clock.getZone()).toInstant(), key);
    }

    @Transactional(readOnly = true)
    public Page page(CheckRegister.Filter filter, int page, int size) {
        List<FieldProblem> problems = new ArrayList<>();
        if (page < 0) {
            problems.add(new FieldProblem("page", "0 or more"));
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            problems.add(new FieldProblem("size", "1 to " + MAX_PAGE_SIZE));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("register query", problems);
        }
        return new Page(page, size, register.count(filter), register.page(filter, (long) page * size, size));
    }

    /** Every matching entry, newest first, streamed from one read-only transaction. */
    @Transactional(readOnly = true)
    public void export(CheckRegister.Filter filter, Consumer<CheckRegister.Entry> sink) {
        register.each(filter, sink);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
