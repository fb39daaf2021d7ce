package io.creditloop.security;

import java.util.Objects;
import java.util.Set;

/**
 * Who is calling (R16 "谁认定、谁负责"): a department's system, an enforcing agency's system, a member of the credit
 * office's staff, the public, or an internal component holding the signing key itself. Services learn it only from
 * a verified token, never from a header a client could set.
 *
 * @param kind    the kind of caller
 * @param code    the department's or agency's code; for the credit office its code, for the public empty
 * @param subject the client id or the staff member's login: who is answerable for the call
 * @param scopes  what the client was granted (informational for now; rules go by kind and code)
 */
public record Caller(Kind kind, String code, String subject, Set<String> scopes) {

    public enum Kind { DEPARTMENT, AGENCY, CREDIT_OFFICE, PUBLIC, INTERNAL }

    public static final Caller PUBLIC = new Caller(Kind.PUBLIC, "", "anonymous", Set.of());

    public Caller {
        Objects.requireNonNull(kind, "kind");
        code = code == null ? "" : code;
        subject = subject == null ? "" : subject;
        scopes = scopes == null ? Set.of() : Set.copyOf(scopes);
    }

    public static Caller department(String code, String subject) {
        return new Caller(Kind.DEPARTMENT, code, subject, Set.of());
    }

    public static Caller agency(String code, String subject) {
        return new Caller(Kind.AGENCY, code, subject, Set.of());
    }

    public static Caller creditOffice(String subject) {
        return new Caller(Kind.CREDIT_OFFICE, "credit-office", subject, Set.of());
    }

    public static Caller internal(String subject) {
        return new Caller(Kind.INTERNAL, "internal", subject, Set.of());
    }

    public boolean is(Kind wanted) {
        return kind == wanted;
    }

    public boolean isInternal() {
        return kind == Kind.INTERNAL;
    }

    /** The department {@code department} itself, or an internal component (which holds the signing key). */
    public boolean actsForDepartment(String department) {
        return isInternal() || (kind == Kind.DEPARTMENT && code.equals(department));
    }

    /** The agency {@code agency} itself, or an internal component. */
    public boolean actsForAgency(String agency) {
        return isInternal() || (kind == Kind.AGENCY && code.equals(agency));
    }

    /** The credit office's staff, or an internal component. */
    public boolean isCreditOffice() {
        return isInternal() || kind == Kind.CREDIT_OFFICE;
    }

    /** Short form for logs and registers: {@code KIND:code/subject}; holds no personal data. */
    @Override
    public String toString() {
        return kind + ":" + code + "/" + subject;
    }
}
