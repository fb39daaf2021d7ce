package io.creditloop.publication.release.web;

/** No release has this number. */
public class NoSuchReleaseException extends RuntimeException {

    private final long releaseNo;

    NoSuchReleaseException(long releaseNo) {
        super("there is no release " + releaseNo);
        this.releaseNo = releaseNo;
    }

    public long releaseNo() {
        return releaseNo;
    }
}
