package io.creditloop.sharing.inbound;

/** The upload is not a readable .csv / .xlsx, or its header lacks required columns: nothing of it is stored. */
public class UnreadableFileException extends RuntimeException {

    private final int row;

    /** @param reason in Chinese and English, without any cell's content */
    public UnreadableFileException(String reason, int row) {
        super(reason);
        this.row = row;
    }

    public int row() {
        return row;
    }
}
