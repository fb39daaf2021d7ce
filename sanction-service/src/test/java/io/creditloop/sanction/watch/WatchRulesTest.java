package io.creditloop.sanction.watch;

import io.creditloop.contracts.listing.v1.SubjectType;
import io.creditloop.sanction.FieldProblem;
import io.creditloop.sanction.InvalidInputException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class WatchRulesTest {

    private static final Instant NOW = Instant.parse("2026-03-02T02:00:00Z");
    /** identification-service's development secret: the key below is what it puts on listing events. */
    private static final SubjectKeys KEYS = new SubjectKeys("creditloop-development-only-subject-key");
    private static final String ID_NUMBER = "11010519491231002X";
    /** HMAC-SHA256 of the number with that secret, computed outside Java (openssl dgst -sha256 -hmac). */
    private static final String PERSON_KEY =
            "ID:RESIDENT_ID:42954d3d6b12d6fd8891c680e4c6fe1130cd8c60f4acbccde4167500f7be3f22";

    private static WatchSubject organisation(String uscc) {
        return new WatchSubject(uscc, null, null, null, "被许可人");
    }

    private static WatchSubject person(String idNumber) {
        return new WatchSubject(null, null, null, idNumber, "补贴申领人");
    }

    @Test
    @DisplayName("R16: a person is watched by the keyed hash listing events carry, never by the ID number")
    void personKey() {
        List<WatchEntry> entries = WatchRules.entries("finance", List.of(person(" 11010519491231002x ")), KEYS, NOW);

        assertThat(entries).singleElement().satisfies(e -> {
            assertThat(e.subjectKey()).isEqualTo(PERSON_KEY);
            assertThat(e.subjectType()).isEqualTo(SubjectType.PERSON);
            assertThat(e.toString()).doesNotContain(ID_NUMBER);
        });
    }

    @Test
    @DisplayName("R3: an organisation is watched by its USCC key; a subject named twice is one entry")
    void organisationKey() {
        List<WatchEntry> entries = WatchRules.entries("public-resource-trading",
                List.of(organisation("91420200ma4klb7q32"), organisation("91420200MA4KLB7Q32")), KEYS, NOW);

        assertThat(entries).extracting(WatchEntry::subjectKey).containsExactly("USCC:91420200MA4KLB7Q32");
        assertThat(entries.get(0).relation()).isEqualTo("被许可人");
    }

    @Test
    @DisplayName("R3/R16: malformed identifiers are refused field by field, and no problem quotes an ID number")
    void malformed() {
        String wrongCheck = "110105194912310021";
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> WatchRules.entries("finance",
                Arrays.asList(organisation("91420200MA4KLB7Q33"), person(wrongCheck),
                        new WatchSubject("91420200MA4KLB7Q32", null, null, ID_NUMBER, null), null), KEYS, NOW));

        assertThat(e.problems()).extracting(FieldProblem::field)
                .containsExactly("subjects[0].uscc", "subjects[1].idNumber", "subjects[2]", "subjects[3]");
        assertThat(e.problems().toString()).doesNotContain(wrongCheck).doesNotContain(ID_NUMBER);
    }

    @Test
    @DisplayName("the agency code must be able to name the agency's topic")
    void agencyCode() {
        assertThat(WatchRules.agency(" Finance ")).isEqualTo("finance");
        assertThat(catchThrowableOfType(InvalidInputException.class, () -> WatchRules.agency("fin.ance")).problems())
                .extracting(FieldProblem::field).containsExactly("agency");
    }

    @Test
    @DisplayName("R16: the watch subject never prints its ID number")
    void subjectToString() {
        assertThat(person(ID_NUMBER).toString()).doesNotContain(ID_NUMBER).contains("[masked]");
    }
}
