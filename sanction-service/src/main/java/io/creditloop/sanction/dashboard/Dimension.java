package io.creditloop.sanction.dashboard;

/** What the dashboard groups tasks by: the listing's recognising department, its list type, or the agency. */
public enum Dimension {
    DEPARTMENT("COALESCE(l.department, '" + Dimension.UNRECORDED + "')"),
    LIST_TYPE("t.list_type_code"),
    AGENCY("t.agency_code");

    /** The department of a task whose listing was confirmed before the dashboard kept departments. */
    public static final String UNRECORDED = "unrecorded";

    private final String sql;

    Dimension(String sql) {
        this.sql = sql;
    }

    String sql() {
        return sql;
    }
}
