package io.creditloop.sanction.dashboard;

/**
 * R8: how many tasks reached each step of the loop ({@link LoopStep}); {@code overdue} are the ones still waiting for
 * a response past their deadline.
 */
public record LoopCounts(long initiated, long responded, long implemented, long fedBack, long lifted, long overdue) {

    public LoopCounts {
        if (initiated < 0 || responded > initiated || implemented > responded || fedBack > implemented
                || lifted > initiated || overdue > initiated || overdue < 0) {
            throw new IllegalArgumentException("counts out of the loop's order: " + initiated + "/" + responded + "/"
                    + implemented + "/" + fedBack + "/" + lifted + "/" + overdue);
        }
    }

    public static final LoopCounts NONE = new LoopCounts(0, 0, 0, 0, 0, 0);
}
