package io.creditloop.sharing.registry.web;

import io.creditloop.security.Caller;
import io.creditloop.security.CallerRefused;
import io.creditloop.sharing.registry.Querier;

/**
 * R16: who asks is the caller the gateway's signed token names (agency code and the official's login), never a header.
 * Only agencies and the credit office query the subject database.
 */
final class Officials {

    private Officials() {
    }

    static Querier of(Caller caller) {
        CallerRefused.unless(caller.isCreditOffice() || caller.is(Caller.Kind.AGENCY),
                "仅执法机构和信用办可查询 (only enforcing agencies and the credit office query the subject database)");
        return new Querier(caller.code(), caller.subject());
    }
}
