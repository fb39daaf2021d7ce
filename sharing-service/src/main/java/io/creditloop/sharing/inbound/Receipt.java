package io.creditloop.sharing.inbound;

/**
 * What a submission came to.
 *
 * @param received  new upstream records stored (revision 1) and published
 * @param revised   known records that changed: next revision stored and published
 * @param unchanged records identical to the one held: nothing stored, nothing published
 */
public record Receipt(int received, int revised, int unchanged) {

    public static final Receipt NONE = new Receipt(0, 0, 0);

    public Receipt plus(Receipt other) {
        return new Receipt(received + other.received, revised + other.revised, unchanged + other.unchanged);
    }

    public int accepted() {
        return received + revised + unchanged;
    }
}
