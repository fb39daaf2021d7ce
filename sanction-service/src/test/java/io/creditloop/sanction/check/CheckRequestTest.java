package io.creditloop.sanction.check;

import io.creditloop.sanction.FieldProblem;
import io.creditloop.sanction.InvalidInputException;
import io.creditloop.sanction.measure.Scenario;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class CheckRequestTest {

    private static final String ID = "11010519491231002X";
    private static final String USCC = "91350100M000100Y43";

    private static InvalidInputException refused(String uscc, String idNumber, String name, String scenario,
                                                 String fuzzy, String agency, String user) {
        return catchThrowableOfType(InvalidInputException.class,
                () -> CheckRequest.of(uscc, null, idNumber, name, scenario, fuzzy, agency, user));
    }

    @Test
    @DisplayName("a subject by exactly one of USCC, ID number, name; a scenario of the vocabulary; who asks")
    void valid() {
        CheckRequest byId = CheckRequest.of(null, null, " 11010519491231002x ", null, "public_bidding", null,
                "finance", "clerk-7");
        assertThat(byId.by()).isEqualTo(CheckRequest.By.ID_NUMBER);
        assertThat(byId.value()).isEqualTo(ID);
        assertThat(byId.idType()).isEqualTo("RESIDENT_ID");
        assertThat(byId.scenario()).isEqualTo(Scenario.PUBLIC_BIDDING);
        assertThat(CheckRequest.of(USCC, null, null, null, "LOANS", "false", "bank", "u").by())
                .isEqualTo(CheckRequest.By.USCC);
        assertThat(CheckRequest.of(null, null, null, "黄石", "LOANS", "true", "bank", "u").fuzzy()).isTrue();
    }

    @Test
    @DisplayName("every wrong field is named at once")
    void everyProblem() {
        InvalidInputException e = refused(USCC, ID, null, "SHOPPING", "maybe", null, " ");

        assertThat(e.problems()).extracting(FieldProblem::field)
                .containsExactly("uscc|idNumber|name", "fuzzy", "scenario", "agency", "user");
    }

    @Test
    @DisplayName("R16: a wrong ID number is refused without being echoed, and a request shows it only masked")
    void idNumberNeverEchoed() {
        String wrongCheck = "110105194912310021";
        InvalidInputException e = refused(null, wrongCheck, null, "LOANS", null, "bank", "u");

        assertThat(e.problems()).extracting(FieldProblem::field).containsExactly("idNumber");
        assertThat(e.problems().toString()).doesNotContain(wrongCheck);
        CheckRequest ok = CheckRequest.of(null, null, ID, null, "LOANS", null, "bank", "u");
        assertThat(ok.toString()).doesNotContain(ID).contains("110105********002X");
        assertThat(ok.shownValue()).isEqualTo("110105********002X");
    }

    @Test
    @DisplayName("fuzzy applies to names only, and a USCC must carry its check character")
    void fuzzyAndUscc() {
        assertThat(refused(USCC, null, null, "LOANS", "true", "bank", "u").problems())
                .extracting(FieldProblem::field).containsExactly("fuzzy");
        assertThat(refused("91350100M000100Y44", null, null, "LOANS", null, "bank", "u").problems())
                .extracting(FieldProblem::field).containsExactly("uscc");
    }
}
