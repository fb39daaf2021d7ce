package io.creditloop.identification.intake;

/** Rows read so far and what became of them. */
public record Progress(long rowsRead, long accepted, long rejected, long duplicates) {

    public static final Progress NONE = new Progress(0, 0, 0, 0);

    public Progress plus(RowOutcome outcome) {
        return switch (outcome) {
            case ACCEPTED -> new Progress(rowsRead + 1, accepted + 1, rejected, duplicates);
            case DUPLICATE -> new Progress(rowsRead + 1, accepted, rejected, duplicates + 1);
            case REJECTED -> new Progress(rowsRead + 1, accepted, rejected + 1, duplicates);
        };
    }
}
