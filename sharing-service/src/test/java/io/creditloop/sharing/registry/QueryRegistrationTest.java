package io.creditloop.sharing.registry;

import io.creditloop.contracts.listing.v1.ListKind;
import io.creditloop.contracts.listing.v1.SubjectType;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class QueryRegistrationTest {

    private static final Instant AT = Instant.parse("2026-01-05T02:00:00Z");
    private static final Querier WHO = new Querier("finance", "王科长");

    @Test
    @DisplayName("R16: a query by ID number needs a purpose before anything is read")
    void idNumberQueryNeedsPurpose() {
        SubjectQuery query = new SubjectQuery(SubjectQuery.Kind.ID_NUMBER, "420102********1234", "ID:RESIDENT_ID:k",
                " ");
        assertThatThrownBy(() -> QueryRegistration.checkBeforeReading(query))
                .isInstanceOf(PurposeRequiredException.class);
    }

    @Test
    @DisplayName("R16: a query by ID number is registered even when it finds nothing: who, when, which subject, why")
    void idNumberQueryRegistered() {
        SubjectQuery query = new SubjectQuery(SubjectQuery.Kind.ID_NUMBER, "420102********1234", "ID:RESIDENT_ID:k",
                "政府采购资格审查");

        List<RegisterEntry> entries = QueryRegistration.entries(query, WHO, List.of(), AT);

        assertThat(entries).singleElement().satisfies(e -> {
            assertThat(e.agency()).isEqualTo("finance");
            assertThat(e.official()).isEqualTo("王科长");
            assertThat(e.queriedAt()).isEqualTo(AT);
            assertThat(e.subjectKey()).isEqualTo("ID:RESIDENT_ID:k");
            assertThat(e.idNumberMasked()).isEqualTo("420102********1234");
            assertThat(e.purpose()).isEqualTo("政府采购资格审查");
            assertThat(e.resultCount()).isZero();
        });
    }

    @Test
    @DisplayName("R16: a name query is registered once per person it shows; organisations alone are not registered")
    void nameQuery() {
        RegistryListing org = listing("local:1", "USCC:X", SubjectType.ORGANISATION, null);
        RegistryListing li1 = listing("local:2", "ID:RESIDENT_ID:a", SubjectType.PERSON, "420102********1111");
        RegistryListing li2 = listing("court:7", "ID:RESIDENT_ID:a", SubjectType.PERSON, "420102********1111");
        RegistryListing other = listing("local:3", "ID:RESIDENT_ID:b", SubjectType.PERSON, "420102********2222");
        SubjectQuery withPurpose = new SubjectQuery(SubjectQuery.Kind.NAME, "李", null, "招投标资格审查");
        SubjectQuery withoutPurpose = new SubjectQuery(SubjectQuery.Kind.NAME, "李", null, null);

        assertThat(QueryRegistration.entries(withoutPurpose, WHO, List.of(org), AT)).isEmpty();
        assertThat(QueryRegistration.entries(withPurpose, WHO, List.of(org, li1, li2, other), AT))
                .extracting(RegisterEntry::subjectKey, RegisterEntry::idNumberMasked, RegisterEntry::resultCount)
                .containsExactly(tuple("ID:RESIDENT_ID:a", "420102********1111", 2),
                        tuple("ID:RESIDENT_ID:b", "420102********2222", 1));
        assertThatThrownBy(() -> QueryRegistration.entries(withoutPurpose, WHO, List.of(org, li1), AT))
                .isInstanceOf(PurposeRequiredException.class);
    }

    @Test
    @DisplayName("R16: a query by USCC concerns an organisation and is not registered")
    void usccQuery() {
        SubjectQuery query = new SubjectQuery(SubjectQuery.Kind.USCC, "91420200MA4KLB7Q32", null, null);
        assertThat(QueryRegistration.entries(query, WHO,
                List.of(listing("local:1", "USCC:91420200MA4KLB7Q32", SubjectType.ORGANISATION, null)), AT)).isEmpty();
    }

    private static RegistryListing listing(String key, String subjectKey, SubjectType type, String masked) {
        return new RegistryListing(key, "local", 2, subjectKey, type, "李四", null, masked, "COURT_DEFAULTER",
                "失信被执行人名单", ListKind.BLACK, "court", null, null, RegistryListing.Status.IN_FORCE, null);
    }
}
