package io.creditloop.sharing.inbound.web;

import io.creditloop.sharing.inbound.Submission;

/**
 * @param received  new records, stored as revision 1 and published
 * @param revised   changed records, stored as their next revision and published
 * @param unchanged records identical to those held: nothing stored, nothing published
 */
record ReceiptView(String platform, int received, int revised, int unchanged) {

    static ReceiptView of(String platform, Submission s) {
        return new ReceiptView(platform, s.receipt().received(), s.receipt().revised(), s.receipt().unchanged());
    }
}
