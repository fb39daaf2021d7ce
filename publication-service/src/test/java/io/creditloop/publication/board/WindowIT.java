package io.creditloop.publication.board;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.creditloop.contracts.listing.v1.ExitReason;
import io.creditloop.contracts.listing.v1.Subject;
import io.creditloop.publication.BoardClient;
import io.creditloop.publication.MovableClock;
import io.creditloop.testsupport.ListingEventsFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;

import java.util.UUID;

import static io.creditloop.testsupport.ListingEventsFixture.organisation;
import static org.assertj.core.api.Assertions.assertThat;

/** The publication windows against a clock the tests move (R7, R13). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"creditloop.publication.announcement-period=P30D", "creditloop.publication.releases.period=P6M"})
@Import(MovableClock.Config.class)
class WindowIT {

    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;
    @Autowired
    ListingEventsFixture events;
    @Autowired
    MovableClock clock;
    @Autowired
    BoardService service;

    BoardClient board;

    @BeforeEach
    void client() {
        board = new BoardClient(http, json);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    @DisplayName("R7: a listing confirmed before its validity begins is public from its first day, and the feed says so")
    void windowStart() {
        Subject company = organisation();
        UUID listingId = UUID.randomUUID();
        events.send(events.confirmed(listingId, 2, company, "未到生效日", events.today().plusDays(3),
                events.today().plusYears(1)));
        sentinelFor(company);

        service.sweepWindows();
        assertThat(board.status("/api/board/{id}", listingId)).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(board.get("/api/board?q={q}", company.uscc()).get("total").asLong()).isOne();  // the sentinel
        assertThat(board.changesOf(listingId)).isEmpty();

        clock.plusDays(2);
        service.sweepWindows();
        assertThat(board.status("/api/board/{id}", listingId)).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(board.changesOf(listingId)).isEmpty();

        clock.plusDays(1);
        assertThat(board.status("/api/board/{id}", listingId)).isEqualTo(HttpStatus.OK);
        service.sweepWindows();
        assertThat(board.changesOf(listingId)).extracting(c -> c.get("change").asText()).containsExactly("PUBLISHED");
    }

    @Test
    @DisplayName("R7: a listing leaves the board the day after its validity ends; the feed gets a removal")
    void windowEnd() {
        Subject company = organisation();
        UUID listingId = UUID.randomUUID();
        events.send(events.confirmed(listingId, 2, company, "即将到期", events.today().minusYears(1),
                events.today().plusDays(1)));
        board.awaitOnBoard(listingId);

        clock.plusDays(1);
        service.sweepWindows();
        assertThat(board.status("/api/board/{id}", listingId)).isEqualTo(HttpStatus.OK);

        clock.plusDays(1);
        assertThat(board.status("/api/board/{id}", listingId)).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(board.get("/api/board?q={q}", company.uscc()).get("total").asLong()).isZero();
        service.sweepWindows();
        assertThat(board.changesOf(listingId)).extracting(c -> c.get("change").asText())
                .containsExactly("PUBLISHED", "REMOVED");
        assertThat(service.sweepWindows()).as("a second sweep finds nothing new").isZero();
    }

    @Test
    @DisplayName("R13: an exit announcement stays public for the configured period (here 30 days) after the exit")
    void announcementPeriod() {
        Subject company = organisation();
        UUID listingId = UUID.randomUUID();
        events.send(events.confirmed(listingId, company, "虚开增值税专用发票"));
        board.awaitOnBoard(listingId);
        events.send(events.exited(listingId, 3, company, ExitReason.STANDARD_CHANGED));
        board.awaitOffBoard(listingId);

        assertThat(board.announcement(listingId)).isNotNull();
        clock.plusDays(30);
        assertThat(board.announcement(listingId)).isNotNull();
        clock.plusDays(1);
        assertThat(board.announcement(listingId)).isNull();
    }

    /** A fresh listing of the subject, in force today: once it is on the board, every earlier event is handled. */
    private void sentinelFor(Subject subject) {
        UUID sentinel = UUID.randomUUID();
        events.send(events.confirmed(sentinel, subject, "sentinel"));
        board.awaitOnBoard(sentinel);
    }
}
