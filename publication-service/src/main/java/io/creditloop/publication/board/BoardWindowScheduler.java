package io.creditloop.publication.board;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** R7: runs {@link BoardService#sweepWindows} every {@code creditloop.publication.window-interval}. */
@Component
class BoardWindowScheduler {

    private final BoardService board;

    BoardWindowScheduler(BoardService board) {
        this.board = board;
    }

    @Scheduled(initialDelayString = "${creditloop.publication.window-interval:60s}",
            fixedDelayString = "${creditloop.publication.window-interval:60s}")
    void sweep() {
        board.sweepWindows();
    }
}
