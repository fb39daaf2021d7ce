package io.creditloop.contracts.listing.v1;

/**
 * A catalog entry as carried on events (R2).
 *
 * @param code       catalog code, e.g. {@code TAX_MAJOR_VIOLATION}
 * @param version    catalog version the listing was made under
 * @param name       e.g. 重大税收违法案件当事人名单
 * @param kind       red, black or gray
 * @param department owning (recognising) department code
 */
public record ListType(String code, int version, String name, ListKind kind, String department) {
}
