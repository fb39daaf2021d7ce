package io.creditloop.repair.creditrepair;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * R12 (000 §5(二); 001 §14, §17): whether a listing may be repaired and on which path.
 * <ul>
 *   <li>the catalog's repair mode decides the path; NOT_REPAIRABLE (or unknown) is refused;</li>
 *   <li>(a) PUBLICATION_WITHDRAWN: not intentional, rectified, no new violation since the listing;</li>
 *   <li>(b) RECTIFICATION_NOTED: obligations fulfilled, rectified, one full year since the listing without a new
 *       violation;</li>
 *   <li>a new violation is a black listing, or one of the same type, of the same subject;</li>
 *   <li>a listing whose repair was cancelled by a re-offence cannot be repaired again within its validity.</li>
 * </ul>
 */
public final class RepairEligibility {

    private RepairEligibility() {
    }

    /** The path, or the reasons for refusal (never both). */
    public record Outcome(RepairMode path, List<String> refusals) {
        public boolean eligible() {
            return refusals.isEmpty();
        }
    }

    public static Outcome assess(RepairListing listing, boolean intentional, Set<RepairEvidence.Kind> evidence,
                                 Collection<RepairListing> subjectsListings, LocalDate today) {
        List<String> refusals = new ArrayList<>();
        if (listing.exited()) {
            refusals.add("名单已退出，无需修复 (R13: the listing has exited)");
            return new Outcome(null, refusals);
        }
        if (listing.barred() && listing.inValidityOn(today)) {
            refusals.add("修复后再次失信，有效期内不得再次修复 (R12, 000 §5(二): a re-offence after repair bars another"
                    + " repair within validity)");
        }
        RepairMode mode = listing.repairMode();
        if (mode == null) {
            refusals.add("该名单类型的修复方式未知 (R12: the list type's repair mode is not known)");
            return new Outcome(null, refusals);
        }
        if (mode == RepairMode.NOT_REPAIRABLE) {
            refusals.add("该名单类型不可修复 (R12, 001 §14: the catalog says " + listing.listTypeCode()
                    + " cannot be repaired)");
            return new Outcome(null, refusals);
        }
        if (!evidence.contains(RepairEvidence.Kind.RECTIFICATION)) {
            refusals.add("缺少整改到位的证明 (R12: evidence of rectification is required)");
        }
        LocalDate since = listing.recognitionDate();
        if (mode == RepairMode.PUBLICATION_WITHDRAWN) {
            if (intentional) {
                refusals.add("故意失信不适用撤销公示 (R12(a): only a violation that was not intentional)");
            }
            boolean newViolation = subjectsListings.stream().anyMatch(other -> other.violationAgainst(listing)
                    && (since == null || other.recognitionDate() == null || other.recognitionDate().isAfter(since)));
            if (newViolation) {
                refusals.add("整改期间有新的失信行为 (R12(a): a new violation since the listing)");
            }
        } else {
            if (!evidence.contains(RepairEvidence.Kind.OBLIGATIONS_FULFILLED)) {
                refusals.add("缺少已履行义务的证明 (R12(b): evidence that the obligations are fulfilled is required)");
            }
            LocalDate yearAgo = today.minusYears(1);
            if (since == null || since.isAfter(yearAgo)) {
                refusals.add("认定未满一年 (R12(b): one full year without violation is required)");
            }
            boolean violationInYear = subjectsListings.stream().anyMatch(other -> other.violationAgainst(listing)
                    && (other.recognitionDate() == null || other.recognitionDate().isAfter(yearAgo)));
            if (violationInYear) {
                refusals.add("一年内有新的失信行为 (R12(b): a violation within the last year)");
            }
        }
        return new Outcome(mode, refusals);
    }
}
