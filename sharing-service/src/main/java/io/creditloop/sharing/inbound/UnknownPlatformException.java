package io.creditloop.sharing.inbound;

/** The path names a platform that is not configured in {@code creditloop.sharing.upstream.platforms}. */
public class UnknownPlatformException extends RuntimeException {

    private final String platform;

    public UnknownPlatformException(String platform) {
        super("upstream platform '" + platform + "' is not configured");
        this.platform = platform;
    }

    public String platform() {
        return platform;
    }
}
