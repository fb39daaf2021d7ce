package io.creditloop.sanction.report;

/**
 * R8 (004 §5(三), annex 2 forms 1 and 2): a case of joint punishment or reward is one where "two or more departments"
 * act: the enforcing agency that applied the measure (联动部门) is not the department that recognised the listing
 * (发起部门). A department applying a measure to its own listing is not a joint case.
 */
public final class JointCase {

    private JointCase() {
    }

    public static boolean isJoint(String recognisingDepartment, String enforcingAgency) {
        return recognisingDepartment != null && enforcingAgency != null
                && !recognisingDepartment.strip().equalsIgnoreCase(enforcingAgency.strip());
    }
}
