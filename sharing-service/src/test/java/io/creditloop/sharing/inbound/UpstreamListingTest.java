package io.creditloop.sharing.inbound;

import io.creditloop.contracts.listing.v1.ListKind;
import io.creditloop.contracts.listing.v1.SubjectType;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UpstreamListingTest {

    private static final Instant T1 = Instant.parse("2026-01-05T02:00:00Z");
    private static final Instant T2 = Instant.parse("2026-01-06T02:00:00Z");

    @Test
    @DisplayName("R5: the same record sent again is the same fact: no new revision")
    void identicalRecordChangesNothing() {
        UpstreamListing held = UpstreamListing.first("court", record(true), T1);

        assertThat(held.receive(record(true), T2)).isEmpty();
        assertThat(held.revision()).isEqualTo(1);
        assertThat(held.messageKey()).isEqualTo("court:(2025)鄂0102执1号");
    }

    @Test
    @DisplayName("R4/R5: a removal at the source is the next revision of the same listing, received time kept")
    void removalIsNextRevision() {
        UpstreamListing held = UpstreamListing.first("court", record(true), T1);

        UpstreamListing removed = held.receive(record(false), T2).orElseThrow();

        assertThat(removed.revision()).isEqualTo(2);
        assertThat(removed.id()).isEqualTo(held.id());
        assertThat(removed.record().inForce()).isFalse();
        assertThat(removed.receivedAt()).isEqualTo(T1);
        assertThat(removed.updatedAt()).isEqualTo(T2);
        assertThat(removed.receive(record(true), T2).orElseThrow().revision()).isEqualTo(3);
    }

    @Test
    @DisplayName("a record of another upstream id is never taken for a revision")
    void otherRecordRefused() {
        UpstreamListing held = UpstreamListing.first("court", record(true), T1);
        UpstreamRecord other = new UpstreamRecord("other", "失信被执行人名单", ListKind.BLACK, true,
                SubjectType.ORGANISATION, "黄石某某贸易有限公司", "91420200MA4KLB7Q32", null, null, null, null);

        assertThatThrownBy(() -> held.receive(other, T2)).isInstanceOf(IllegalArgumentException.class);
    }

    private static UpstreamRecord record(boolean inForce) {
        return new UpstreamRecord("(2025)鄂0102执1号", "失信被执行人名单", ListKind.BLACK, inForce,
                SubjectType.ORGANISATION, "黄石某某贸易有限公司", "91420200MA4KLB7Q32", null, "黄石市中级人民法院",
                LocalDate.of(2025, 3, 1), null);
    }
}
