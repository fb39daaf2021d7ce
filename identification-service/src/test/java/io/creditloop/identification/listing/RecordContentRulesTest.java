package io.creditloop.identification.listing;

import io.creditloop.contracts.listing.v1.ListKind;
import io.creditloop.contracts.listing.v1.SubjectType;
import io.creditloop.identification.catalog.ListTypeEntry;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class RecordContentRulesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    private static final io.creditloop.identification.subject.PersonKeys KEYS =
            new io.creditloop.identification.subject.PersonKeys("a-test-secret-of-some-length");
    private static final ListTypeEntry TAX_BLACK = new ListTypeEntry("TAX_MAJOR_VIOLATION", 1, "重大税收违法案件当事人名单",
            ListKind.BLACK, "tax", "tax", "《税收征收管理法》", "2年", "RECTIFICATION_NOTED", false, 0, "TAX_KEY_ATTENTION");
    private static final Function<String, Optional<ListTypeEntry>> CATALOG =
            code -> Optional.ofNullable(Map.of(TAX_BLACK.code(), TAX_BLACK).get(code));

    static ListingSubmission organisation(String uscc) {
        return ListingSubmission.of(null, "tax", "TAX_MAJOR_VIOLATION", "ORGANISATION", "黄石某某贸易有限公司", uscc,
                null, null, "张三", "虚开增值税专用发票", "《中华人民共和国税收征收管理法》", "2017-4-20", "2年");
    }

    @Test
    @DisplayName("R3: an organisation listing (Huangshi annex 1 example) is accepted with its validity computed")
    void acceptsOrganisation() {
        Listing listing = RecordContentRules.accept(organisation("91420200MA4KLB7Q32"), CATALOG, TODAY, KEYS);

        assertThat(listing.subject().type()).isEqualTo(SubjectType.ORGANISATION);
        assertThat(listing.subject().key()).isEqualTo("USCC:91420200MA4KLB7Q32");
        assertThat(listing.recognitionDate()).isEqualTo(LocalDate.of(2017, 4, 20));
        assertThat(listing.validUntil()).isEqualTo(LocalDate.of(2019, 4, 19));
        assertThat(listing.status()).isEqualTo(ListingStatus.RECORDED);
        assertThat(listing.version()).isEqualTo(1);
    }

    @Test
    @DisplayName("R3: a person is keyed by a hash of the ID number, never the number itself")
    void personKeyHidesIdNumber() {
        ListingSubmission person = ListingSubmission.of(null, "tax", "TAX_MAJOR_VIOLATION", "PERSON", "张三", null,
                null, "420202198001011237", null, "偷税", "《税收征收管理法》", "2024-01-02", null);

        Listing listing = RecordContentRules.accept(person, CATALOG, TODAY, KEYS);

        assertThat(listing.subject().key()).startsWith("ID:RESIDENT_ID:").doesNotContain("420202198001011237")
                .isEqualTo(KEYS.of("RESIDENT_ID", "420202198001011237"))
                .isNotEqualTo(new io.creditloop.identification.subject.PersonKeys("another-deployment-secret")
                        .of("RESIDENT_ID", "420202198001011237"));
        assertThat(listing.validUntil()).isEqualTo(LocalDate.of(2026, 1, 1)); // catalog default 2年
    }

    @Test
    @DisplayName("R3: every bad field is reported at once, each with its field name")
    void reportsAllProblems() {
        ListingSubmission bad = ListingSubmission.of(null, "tax", "NO_SUCH_TYPE", "ORGANISATION", " ",
                "91420200MA4KLB7Q33", null, null, null, null, "basis", "2099-01-01", "两年");

        InvalidListingException e = catchThrowableOfType(InvalidListingException.class,
                () -> RecordContentRules.accept(bad, CATALOG, TODAY, KEYS));

        assertThat(e.problems()).extracting(FieldProblem::field)
                .containsExactlyInAnyOrder("listType", "name", "uscc", "reason", "recognitionDate", "validity");
    }

    @Test
    @DisplayName("R3: an early pilot USCC is refused unless the department verified it, then accepted with a warning")
    void pilotUsccNeedsVerification() {
        ListingSubmission unverified = organisation("91420200MA4KLB7Q33");
        assertThatThrownBy(() -> RecordContentRules.accept(unverified, CATALOG, TODAY, KEYS))
                .isInstanceOf(InvalidListingException.class).hasMessageContaining("uscc");

        ListingSubmission verified = with(unverified, null, null, true);
        Listing listing = RecordContentRules.accept(verified, CATALOG, TODAY, KEYS);

        assertThat(listing.subject().uscc()).isEqualTo("91420200MA4KLB7Q33");
        assertThat(listing.warnings()).singleElement().asString().startsWith("PILOT_USCC");
    }

    @Test
    @DisplayName("R3: organisation code and LEI are checked, and the code must match the USCC's positions 9-17")
    void organisationCodeAndLei() {
        Listing ok = RecordContentRules.accept(with(organisation("91420200MA4KLB7Q45"), "MA4KLB7Q-4",
                "5493001KJTIIGC8Y1R12", null), CATALOG, TODAY, KEYS);
        assertThat(ok.subject().organisationCode()).isEqualTo("MA4KLB7Q4");
        assertThat(ok.subject().lei()).isEqualTo("5493001KJTIIGC8Y1R12");

        InvalidListingException e = catchThrowableOfType(InvalidListingException.class, () -> RecordContentRules.accept(
                with(organisation("91420200MA4KLB7Q32"), "12345678-8", "5493001KJTIIGC8Y1R13", null), CATALOG, TODAY, KEYS));
        assertThat(e.problems()).extracting(FieldProblem::field).containsExactlyInAnyOrder("organisationCode", "lei");
    }

    @Test
    @DisplayName("R3: a body registered before the USCC reform is listed by its organisation code alone (Daye annex 4)")
    void organisationCodeWithoutUscc() {
        Listing listing = RecordContentRules.accept(with(organisation(null), "12345678-8", null, null), CATALOG, TODAY, KEYS);

        assertThat(listing.subject().key()).isEqualTo("ORG:123456788");
        assertThat(listing.basis()).isNotBlank();
    }

    private static ListingSubmission with(ListingSubmission s, String organisationCode, String lei, Boolean verified) {
        return new ListingSubmission(s.submissionId(), s.department(), s.listType(), s.subjectType(), s.name(),
                s.uscc(), s.idType(), s.idNumber(), s.legalRepresentative(), s.reason(), s.basis(),
                s.recognitionDate(), s.validity(), organisationCode, lei, verified, s.note(), null);
    }

    @Test
    @DisplayName("R2: a department may only list under list types it owns")
    void ownership() {
        ListingSubmission other = ListingSubmission.of(null, "court", "TAX_MAJOR_VIOLATION", "ORGANISATION", "某公司",
                "91420200MA4KLB7Q32", null, null, null, "r", "b", "2024-01-02", "1年");

        assertThatThrownBy(() -> RecordContentRules.accept(other, CATALOG, TODAY, KEYS))
                .isInstanceOf(InvalidListingException.class)
                .satisfies(e -> assertThat(((InvalidListingException) e).problems())
                        .singleElement().satisfies(p -> assertThat(p.message()).contains("owned by another department")));
    }

    @Test
    @DisplayName("R13: only a confirmed listing exits, and the version rises with each transition")
    void lifecycle() {
        Listing listing = RecordContentRules.accept(organisation("91420200MA4KLB7Q32"), CATALOG, TODAY, KEYS);
        assertThatThrownBy(() -> listing.exit(io.creditloop.contracts.listing.v1.ExitReason.REVOKED, TODAY, null,
                java.time.Instant.now())).isInstanceOf(ListingStateException.class);

        listing.confirm(java.time.Instant.now());
        listing.exit(io.creditloop.contracts.listing.v1.ExitReason.REVOKED, TODAY, null, java.time.Instant.now());

        assertThat(listing.version()).isEqualTo(3);
        assertThat(listing.status()).isEqualTo(ListingStatus.EXITED);
        assertThatThrownBy(() -> listing.exit(io.creditloop.contracts.listing.v1.ExitReason.REVOKED, TODAY, null,
                java.time.Instant.now())).isInstanceOf(ListingStateException.class);
    }
}
