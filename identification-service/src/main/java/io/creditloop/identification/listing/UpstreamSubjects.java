package io.creditloop.identification.listing;

import io.creditloop.contracts.listing.v1.SubjectType;
import io.creditloop.contracts.sharing.v1.UpstreamListingReceived;
import io.creditloop.identification.subject.IdNumber;
import io.creditloop.identification.subject.PersonKeys;
import io.creditloop.identification.subject.SubjectKey;
import io.creditloop.identification.subject.Uscc;

import java.util.Optional;

/** The subject key of a listing made upstream: the same key a local listing of that subject has (R16: keyed hash). */
final class UpstreamSubjects {

    private UpstreamSubjects() {
    }

    static Optional<String> key(UpstreamListingReceived received, PersonKeys personKeys) {
        if (received.subjectType() == SubjectType.ORGANISATION) {
            if (received.uscc() == null || received.uscc().isBlank()) {
                return Optional.empty();
            }
            String raw = received.uscc();
            // an early pilot code that fails its check character is still the subject's code (R3)
            return Optional.of(Uscc.problem(raw) == null ? SubjectKey.ofOrganisation(Uscc.of(raw))
                    : SubjectKey.ofOrganisation(Uscc.normalise(raw)));
        }
        if (received.idNumber() == null || received.idNumber().isBlank()) {
            return Optional.empty();
        }
        // normalised as a local listing's number is, so both give the same key
        return Optional.of(personKeys.of(RecordContentRules.RESIDENT_ID, new IdNumber(received.idNumber()).value()));
    }
}
