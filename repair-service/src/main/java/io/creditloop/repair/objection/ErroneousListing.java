package io.creditloop.repair.objection;

import io.creditloop.repair.listing.ListingRef;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * R11 (001 §19, §22; 003 §24; 004 §7(二)): what an erroneous listing leaves for its subject once the credit office
 * has confirmed it: a written apology and clarification, and for a red listing the benefits to recover. The listing's
 * own data is purged by identification-service; nothing here names the subject beyond the objector.
 */
public final class ErroneousListing {

    private ErroneousListing() {
    }

    public static Apology apology(Objection objection, Instant now) {
        String text = "经核查，该条信用信息（名单编号 " + objection.listingId() + "）认定有误，已予撤销并删除。"
                + objection.recognisingDepartment() + " 特此向 " + objection.objectorName()
                + " 书面致歉并予以澄清，恢复其信用名誉。(R11: the listing was made in error and has been revoked;"
                + " this is the written apology and clarification.)";
        return new Apology(UUID.randomUUID(), objection.listingId(), objection.id(), objection.recognisingDepartment(),
                text, now);
    }

    /** Only a red listing granted benefits; a black or gray one made in error has nothing to recover. */
    public static Optional<BenefitRecovery> benefitsToRecover(Objection objection, ListingRef listing, Instant now) {
        if (!listing.red()) {
            return Optional.empty();
        }
        return Optional.of(new BenefitRecovery(listing.listingId(), objection.id(), listing.listTypeCode(),
                listing.recognisingDepartment(), "错误认定的红名单：依该名单给予的激励措施应予收回，"
                        + "措施记录见 sanction-service 中该名单的任务 (R11: recover the red benefits recorded by"
                        + " sanction-service for this listing)", now));
    }
}
