package io.creditloop.sharing.inbound;

import java.util.List;

/**
 * What one submission (a JSON batch or a file) came to: the records stored, and why the others were refused.
 *
 * @param problems     at most {@code creditloop.sharing.upstream.max-problems} of them
 * @param problemCount all of them
 * @param refused      records refused (a record may have several problems)
 */
public record Submission(Receipt receipt, int refused, List<RecordProblem> problems, int problemCount) {

    public boolean clean() {
        return refused == 0;
    }
}
