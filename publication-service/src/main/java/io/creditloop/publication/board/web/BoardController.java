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
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.UUID;

/** R7: the public board: listings in force, masked, and the exit announcements (R13). */
@RestController
@RequestMapping("/api/board")
class BoardController {

    private final BoardService board;

    BoardController(BoardService board) {
        this.board = board;
    }

    /**
     * Listings on the board today, newest first, then by listing id (a stable order to page). {@code q} is a part of
     * a (masked) name, a whole USCC or a whole ID number; {@code from}/{@code to} bound the recognition date.
     */
    @GetMapping
    Page<BoardEntry> board(@RequestParam(required = false) @Size(max = 100) String q,
                           @RequestParam(required = false) ListKind kind,
                           @RequestParam(required = false) @Size(max = 100) String type,
                           @RequestParam(required = false) @Size(max = 100) String department,
                           @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                           @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                           @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                           @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return board.board(query(q, kind, type, department, from, to, page, size));
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

    static BoardQuery query(String q, ListKind kind, String type, String department, LocalDate from, LocalDate to,
                            int page, int size) {
        if (from != null && to != null && from.isAfter(to)) {
            throw new BadRequestException("from", "must not be after to");
        }
        return new BoardQuery(q, kind, type, department, from, to, page, size);
    }
}
