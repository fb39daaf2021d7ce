package io.creditloop.sharing.inbound;

import java.util.List;

/**
 * The fields of an upstream record: the JSON property of the API and the column headers a file may use for it.
 * A header matches after its spaces and a trailing "*" or "(必填)" are removed.
 */
public enum UpstreamField {

    UPSTREAM_ID("upstreamId", true, "案号", "编号", "记录编号"),
    LIST_NAME("listName", true, "名单名称"),
    KIND("kind", true, "名单类型"),
    SUBJECT_TYPE("subjectType", true, "主体类型"),
    NAME("name", true, "名称/姓名", "名称", "姓名", "主体名称"),
    USCC("uscc", false, "统一社会信用代码"),
    ID_NUMBER("idNumber", false, "身份证号码", "证件号码"),
    AUTHORITY("authority", false, "认定机关", "认定部门"),
    RECOGNITION_DATE("recognitionDate", false, "认定日期"),
    VALID_UNTIL("validUntil", false, "有效期至"),
    IN_FORCE("inForce", false, "状态");

    private final String json;
    private final boolean requiredColumn;
    private final List<String> headers;

    UpstreamField(String json, boolean requiredColumn, String... headers) {
        this.json = json;
        this.requiredColumn = requiredColumn;
        this.headers = List.of(headers);
    }

    /** The property name in the JSON API, e.g. {@code upstreamId}. */
    public String json() {
        return json;
    }

    /** A file without a column for this field cannot be read. */
    public boolean requiredColumn() {
        return requiredColumn;
    }

    public List<String> headers() {
        return headers;
    }

    /** The field a header cell names, if any. */
    public static java.util.Optional<UpstreamField> ofHeader(String header) {
        if (header == null) {
            return java.util.Optional.empty();
        }
        String h = header.replaceAll("\\s", "").replace("（", "(").replace("）", ")")
                .replaceFirst("\\(必填\\)$", "").replaceFirst("\\*$", "").replaceFirst("^\\*", "");
        for (UpstreamField field : values()) {
            if (field.headers.contains(h)) {
                return java.util.Optional.of(field);
            }
        }
        return java.util.Optional.empty();
    }
}
