package io.creditloop.simulator.platform;

import org.springframework.stereotype.Component;

import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.regex.Pattern;

/** Every platform the simulator plays (city, province, nation...), created on first use. In memory only. */
@Component
class SimulatedPlatforms {

    private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9-]{0,31}");

    private final ConcurrentMap<String, SimulatedPlatform> platforms = new ConcurrentHashMap<>();

    SimulatedPlatform get(String code) {
        String normalised = code.toLowerCase(Locale.ROOT);
        if (!CODE.matcher(normalised).matches()) {
            throw new IllegalArgumentException("platform code must be 1-32 of [a-z0-9-]: " + code);
        }
        return platforms.computeIfAbsent(normalised, SimulatedPlatform::new);
    }
}
