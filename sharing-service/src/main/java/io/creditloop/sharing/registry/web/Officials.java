package io.creditloop.sharing.registry.web;

import io.creditloop.sharing.registry.Querier;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Reads who asks from the X-Agency and X-User headers; both are required. */
final class Officials {

    static final String AGENCY = "X-Agency";
    static final String USER = "X-User";
    private static final Pattern AGENCY_CODE = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    private Officials() {
    }

    static Querier of(String agency, String user) {
        List<Map<String, String>> errors = new ArrayList<>();
        if (agency == null || !AGENCY_CODE.matcher(agency).matches()) {
            errors.add(Map.of("field", AGENCY, "message", "须填查询机构代码 (the querying agency's code, 1-63 of "
                    + "[a-z0-9-], is required)"));
        }
        if (user == null || user.isBlank() || user.length() > 64) {
            errors.add(Map.of("field", USER, "message", "须填查询人 (the official who queries is required, at most 64 "
                    + "characters)"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidQueryException(errors);
        }
        return new Querier(agency, user.strip());
    }
}
