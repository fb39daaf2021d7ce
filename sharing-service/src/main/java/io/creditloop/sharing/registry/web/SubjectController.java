package io.creditloop.sharing.registry.web;

import io.creditloop.security.PersonalDataReads;
import io.creditloop.sharing.registry.Querier;
import io.creditloop.sharing.registry.RegistryListing;
import io.creditloop.sharing.registry.RegistryService;
import io.creditloop.sharing.registry.SubjectQuery;
import io.creditloop.sharing.subject.IdNumber;
import io.creditloop.sharing.subject.Uscc;
import org.springframework.web.bind.annotation.GetMapping;
import io.creditloop.security.Caller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.stream.Stream;

/** R16: authorised agencies query the joint reward and punishment subject database (名单数据库). */
@RestController
@RequestMapping("/api/sharing/subjects")
class SubjectController {

    private final RegistryService registry;
    private final PersonalDataReads reads;

    SubjectController(RegistryService registry, PersonalDataReads reads) {
        this.registry = registry;
        this.reads = reads;
    }

    /** By exactly one of USCC, ID number or name (exact, then prefix); a person query needs {@code purpose}. */
    @GetMapping
    SubjectAnswer query(@RequestParam(required = false) String uscc,
                        @RequestParam(required = false) String idNumber,
                        @RequestParam(required = false) String name,
                        @RequestParam(required = false) String purpose,
                        Caller caller) {
        Querier who = Officials.of(caller);
        if (!registry.authorised(who.agency())) {
            throw new ForbiddenAgencyException("机构无查询权限 (agency " + who.agency() + " is not authorised to query "
                    + "the subject database)");
        }
        long given = Stream.of(uscc, idNumber, name).filter(v -> v != null && !v.isBlank()).count();
        if (given != 1) {
            throw InvalidQueryException.of("uscc|idNumber|name", "须且只须给出统一社会信用代码、身份证号码或名称之一 "
                    + "(give exactly one of uscc, idNumber or name)");
        }
        if (purpose != null && purpose.length() > 500) {
            throw InvalidQueryException.of("purpose", "查询目的过长 (the purpose has more than 500 characters)");
        }
        SubjectQuery query;
        if (uscc != null && !uscc.isBlank()) {
            String problem = Uscc.problem(uscc);
            if (problem != null) {
                throw InvalidQueryException.of("uscc", problem);
            }
            query = new SubjectQuery(SubjectQuery.Kind.USCC, Uscc.normalise(uscc), null, purpose);
        } else if (idNumber != null && !idNumber.isBlank()) {
            String problem = IdNumber.problem(idNumber, registry.today());
            if (problem != null) {
                throw InvalidQueryException.of("idNumber", problem);
            }
            query = registry.byIdNumber(IdNumber.normalise(idNumber), purpose);
        } else {
            String n = name.strip();
            if (n.length() > 100) {
                throw InvalidQueryException.of("name", "名称过长 (the name has more than 100 characters)");
            }
            query = new SubjectQuery(SubjectQuery.Kind.NAME, n, null, purpose);
        }
        RegistryService.Answer answer = registry.query(query, who);
        // R16: besides the query register, every person shown (unmasked name) goes to the audit log, one record per
        // listing shown, before the answer leaves
        reads.recordAll(caller, query.purpose(), answer.shown().stream().filter(RegistryListing::person)
                .map(l -> new PersonalDataReads.Read("subject-query", l.listingKey(), localListingId(l),
                        l.subjectKey(), l.idNumberMasked())).toList());
        return new SubjectAnswer(query.kind(), answer.registered(),
                answer.shown().stream().map(ListingView::of).toList());
    }

    private static java.util.UUID localListingId(RegistryListing l) {
        return RegistryListing.LOCAL.equals(l.source())
                ? java.util.UUID.fromString(l.listingKey().substring(RegistryListing.LOCAL.length() + 1)) : null;
    }

    /**
     * @param registered whether this query was entered in the query register (it touched a natural person)
     */
    record SubjectAnswer(SubjectQuery.Kind query, boolean registered, List<ListingView> listings) {
    }
}
