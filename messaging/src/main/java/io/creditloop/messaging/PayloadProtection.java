package io.creditloop.messaging;

/**
 * What happens to an event's JSON on its way into a table and out again (the outbox; sharing's forwards): the
 * security module seals the personal data in it (ID numbers encrypted at rest, issue 8) and opens it before the event
 * leaves for Kafka or a platform. Without the security module nothing is changed.
 */
public interface PayloadProtection {

    PayloadProtection NONE = new PayloadProtection() {
        @Override
        public String seal(String json) {
            return json;
        }

        @Override
        public String open(String stored) {
            return stored;
        }
    };

    /** The JSON as it is to be stored. */
    String seal(String json);

    /** The JSON as it was before {@link #seal}. */
    String open(String stored);
}
