package io.creditloop.publication.erasure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.creditloop.contracts.listing.v1.ExitReason;
import io.creditloop.contracts.listing.v1.ListKind;
import io.creditloop.contracts.listing.v1.ListType;
import io.creditloop.contracts.listing.v1.Subject;
import io.creditloop.publication.BoardClient;
import io.creditloop.testsupport.ListingEventsFixture;
import io.creditloop.testsupport.PersonalDataScan;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import javax.sql.DataSource;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * R11 (001 §19): a natural person's listing exited as erroneous leaves nothing of the person on the public board or
 * behind it: not in the board, the delta feed (a bare REMOVED tombstone stays), a release made before, or search.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ErroneousListingErasureIT {

    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;
    @Autowired
    ListingEventsFixture events;
    @Autowired
    DataSource dataSource;

    @Test
    @DisplayName("R11: an erroneous person listing leaves the board, the feed, releases and search without a trace")
    void erroneousPersonListingLeavesNoPersonalData() {
        BoardClient board = new BoardClient(http, json);
        String department = "dept-" + UUID.randomUUID().toString().substring(0, 8);
        ListType type = new ListType("TAX_MAJOR_VIOLATION", 1, "重大税收违法案件当事人名单", ListKind.BLACK, department);
        Subject person = ListingEventsFixture.person("错删" + ThreadLocalRandom.current().nextInt(100_000, 999_999));
        String id = person.idNumber();
        String masked = id.substring(0, 6) + "********" + id.substring(14);
        List<String> needles = List.of(person.name(), id, masked);
        UUID listingId = UUID.randomUUID();
        events.send(events.confirmed(listingId, type, person, "偷税（" + person.name() + "）"));
        board.awaitOnBoard(listingId);
        ResponseEntity<JsonNode> release = http.postForEntity("/api/board/releases",
                Map.of("kind", "DEPARTMENT", "department", department), JsonNode.class);
        assertThat(release.getStatusCode().is2xxSuccessful()).isTrue();
        long no = release.getBody().get("no").asLong();
        assertThat(release.getBody().get("entryCount").asInt()).isEqualTo(1);
        assertThat(PersonalDataScan.scan(dataSource, List.of("publication"), List.of(masked)))
                .as("the scan finds the masked ID number while listed").isNotEmpty();

        events.send(events.exited(listingId, 3, person, ExitReason.ERRONEOUS));
        board.awaitOffBoard(listingId);

        assertThat(PersonalDataScan.scan(dataSource, List.of("publication"), needles)).isEmpty();
        assertThat(board.changesOf(listingId)).extracting(c -> c.get("change").asText()).containsExactly("REMOVED");
        assertThat(board.get("/api/board/releases/{no}", no).get("entryCount").asInt()).isZero();
        assertThat(board.get("/api/board/releases/{no}/entries?size=100", no).get("items")).isEmpty();
        assertThat(board.get("/api/board?q={q}", id).get("total").asLong()).isZero();
        assertThat(board.get("/api/board?q={q}", person.name()).get("total").asLong()).isZero();
        assertThat(board.announcement(listingId)).isNull();
        assertThat(http.getForEntity("/api/board/releases/{no}.xlsx", byte[].class, no).getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }
}
