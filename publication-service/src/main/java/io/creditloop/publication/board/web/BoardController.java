package io.creditloop.publication.board.web;

import io.creditloop.contracts.listing.v1.ListKind;
import io.creditloop.publication.board.BoardEntry;
import io.creditloop.publication.board.BoardQuery;
import io.creditloop.publication.board.BoardService;
import io.creditloop.publication.board.ExitAnnouncement;
import io.creditloop.publication.board.Page;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

/** R7: the public board: listings in force, masked, and the exit announcements (R13). */
@RestController
@RequestMapping("/api/board")
class BoardController {

    private final BoardService board;

    BoardController(BoardService board) {
        this.board = board;
    }

    /** Listings in force today, newest first; {@code q} is a part of a (masked) name or of a USCC. */
    @GetMapping
    Page<BoardEntry> board(@RequestParam(required = false) @Size(max = 100) String q,
                           @RequestParam(required = false) ListKind kind,
                           @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                           @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return board.board(new BoardQuery(q, kind, page, size));
    }

    @GetMapping("/announcements")
    Page<ExitAnnouncement> announcements(@RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                                         @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return board.announcements(page, size);
    }

    @GetMapping("/{listingId}")
    BoardEntry entry(@PathVariable UUID listingId) {
        return board.entry(listingId).orElseThrow(() -> new NotOnBoardException(listingId));
    }
}
