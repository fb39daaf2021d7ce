package io.creditloop.sharing.registry;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Period;
import java.util.List;

/**
 * {@code creditloop.sharing.registry.*}: the shared query of the subject database (R16).
 *
 * @param followListingEvents whether this instance keeps the register's copy of local listings up to date from
 *                            {@code identification.listing.events} (consumer group {@code sharing-service.registry})
 * @param recentlyExited      how long an exited listing is still shown, flagged
 * @param agencies            agency codes (the caller token's code) allowed to query; empty = every agency the gateway lets through
 * @param creditOffice        the agency code of the credit office (信用办), the only one that reviews the register
 * @param maxResults          listings returned per query at most
 */
@ConfigurationProperties("creditloop.sharing.registry")
public record RegistryProperties(@DefaultValue("true") boolean followListingEvents,
                                 @DefaultValue("P90D") Period recentlyExited,
                                 @DefaultValue List<String> agencies,
                                 @DefaultValue("credit-office") String creditOffice,
                                 @DefaultValue("100") int maxResults) {

    public RegistryProperties {
        agencies = agencies == null ? List.of() : List.copyOf(agencies);
        if (maxResults < 1 || recentlyExited.isNegative()) {
            throw new IllegalArgumentException("creditloop.sharing.registry: max-results >= 1, recently-exited >= 0");
        }
    }

    public boolean authorised(String agency) {
        return agencies.isEmpty() || agencies.contains(agency) || creditOffice.equals(agency);
    }
}
