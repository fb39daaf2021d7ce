package io.creditloop.system;

import java.util.Map;

/** Listings as a department system submits them. */
final class Listings {

    private Listings() {
    }

    /** A red listing of the tax bureau (纳税信用A级), which goes into publicity (R5). */
    static Map<String, Object> taxRed(String name, String uscc) {
        return Map.of("department", "tax", "listType", "TAX_A_GRADE", "subjectType", "ORGANISATION",
                "name", name, "uscc", uscc, "legalRepresentative", "李四", "reason", "纳税信用评价为A级",
                "basis", "《纳税信用管理办法》", "recognitionDate", "2026-11-02", "validity", "1年");
    }

    /** Huangshi annex 1's example: a major tax violation black listing (R3). */
    static Map<String, Object> taxBlack(String name, String uscc) {
        return Map.of("department", "tax", "listType", "TAX_MAJOR_VIOLATION", "subjectType", "ORGANISATION",
                "name", name, "uscc", uscc, "legalRepresentative", "张三", "reason", "虚开增值税专用发票",
                "basis", "《中华人民共和国税收征收管理法》", "recognitionDate", "2026-11-02", "validity", "2年");
    }
}
