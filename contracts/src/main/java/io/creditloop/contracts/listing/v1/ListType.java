package io.creditloop.contracts.listing.v1;

/**
 * A catalog entry as carried on events (R2).
 *
 * @param code       catalog code, e.g. {@code TAX_MAJOR_VIOLATION}
 * @param version    catalog version the listing was made under
 * @param name       e.g. 重大税收违法案件当事人名单
 * @param kind       red, black or gray
 * @param department owning (recognising) department code
 * @param published  R7: whether listings of this type appear on the public board; red and black always do, a gray
 *                   list type only if its catalog entry says so (001 §15, 004 §4(三)). Optional (added within v1):
 *                   absent means published.
 * @param repairMode R12: {@code PUBLICATION_WITHDRAWN}, {@code RECTIFICATION_NOTED} or {@code NOT_REPAIRABLE}, as the
 *                   catalog says. Optional (added within v1): absent means the event does not tell.
 */
public record ListType(String code, int version, String name, ListKind kind, String department, Boolean published,
                       String repairMode) {

    public ListType(String code, int version, String name, ListKind kind, String department) {
        this(code, version, name, kind, department, null, null);
    }

    public ListType(String code, int version, String name, ListKind kind, String department, Boolean published) {
        this(code, version, name, kind, department, published, null);
    }

    /** Absent reads as published, as every v1 event before the field existed meant. */
    public boolean publiclyListed() {
        return published == null || published;
    }
}
