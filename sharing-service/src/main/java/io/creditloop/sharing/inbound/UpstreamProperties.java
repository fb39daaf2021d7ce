package io.creditloop.sharing.inbound;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code creditloop.sharing.upstream.*}: who may send this city their lists.
 *
 * @param platforms  codes of the upstream platforms accepted in {@code /api/sharing/upstream/{platform}/...}
 * @param chunkSize  records of a file stored (with their events) per transaction; a crash loses no committed chunk,
 *                   and sending the file again changes nothing for the records already stored
 * @param maxProblems problems listed in a 400 answer; the count of all of them is always given
 */
@ConfigurationProperties("creditloop.sharing.upstream")
public record UpstreamProperties(@DefaultValue({"national", "province", "court"}) List<String> platforms,
                                 @DefaultValue("500") int chunkSize,
                                 @DefaultValue("1000") int maxProblems) {

    private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9-]{0,31}");

    public UpstreamProperties {
        platforms = List.copyOf(platforms);
        for (String platform : platforms) {
            if (!CODE.matcher(platform).matches()) {
                throw new IllegalArgumentException("upstream platform code must be 1-32 of [a-z0-9-]: " + platform);
            }
        }
        if (chunkSize < 1 || maxProblems < 1) {
            throw new IllegalArgumentException("creditloop.sharing.upstream.chunk-size and max-problems must be >= 1");
        }
    }

    public boolean accepts(String platform) {
        return platforms.contains(platform);
    }
}
