package io.creditloop.sanction.measure;

import com.fasterxml.jackson.databind.JsonNode;
import io.creditloop.contracts.EventTypes;
import io.creditloop.contracts.Topics;
import io.creditloop.contracts.listing.v1.ListKind;
import io.creditloop.contracts.listing.v1.ListType;
import io.creditloop.contracts.listing.v1.Subject;
import io.creditloop.contracts.sanction.v1.SanctionTaskInitiated;
import io.creditloop.sanction.Listings;
import io.creditloop.sanction.ServiceITSupport;
import io.creditloop.sanction.task.web.TaskView;
import io.creditloop.testsupport.TopicProbe;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** R9: the measures catalog, seeded from the documents, edited by the credit office in versions. */
class MeasureCatalogIT extends ServiceITSupport {

    @Autowired
    Measures measures;

    private final String listType = "TEST_" + Listings.unique().toUpperCase();

    private Map<String, Object> draft(String agency, String wording, Integer expectedVersion) {
        Map<String, Object> draft = new java.util.HashMap<>(Map.of("listTypeCode", listType, "agencyCode", agency,
                "measureCode", "RESTRICT_FISCAL_FUNDS", "measure", wording,
                "legalBasis", "《江阴市……实施意见》（十一）：限制安排财政性资金项目 [003 §11]",
                "scenarios", List.of("FISCAL_FUNDS"), "confirmationRequired", true, "responseWorkingDays", 3,
                "publishedBy", "信用办 王五"));
        if (expectedVersion != null) {
            draft.put("expectedVersion", expectedVersion);
        }
        return draft;
    }

    private ResponseEntity<JsonNode> publish(Map<String, Object> draft) {
        return http.postForEntity("/api/sanction/measures", draft, JsonNode.class);
    }

    @Test
    @DisplayName("R9: the seeded catalog names, per list type, the agencies, bases, scenarios and deadlines of 003/004")
    void seededMeasures() {
        assertThat(measures.forListType("TAX_MAJOR_VIOLATION")).extracting(Measure::agencyCode, Measure::measureCode)
                .containsExactly(
                        tuple("finance", "RESTRICT_FISCAL_FUNDS"),
                        tuple("market-regulation", "STRICT_LICENSING"),
                        tuple("public-resource-trading", "RESTRICT_PUBLIC_BIDDING"));
        assertThat(measures.forListType("COURT_DEFAULTER")).extracting(Measure::agencyCode)
                .containsExactly("finance", "financial-regulation", "public-resource-trading", "public-security",
                        "transport");
        assertThat(measures.forListType("TAX_A_GRADE")).extracting(Measure::measureCode)
                .containsExactly("CREDIT_LOANS", "GREEN_CHANNEL", "WAIVE_BID_DEPOSIT");
        assertThat(measures.forListType("MARKET_ABNORMAL_OPERATION")).extracting(Measure::measureCode)
                .containsExactly("INTERVIEW_WARNING");
        assertThat(measures.forListType("NOT_A_LIST_TYPE")).isEmpty();

        JsonNode court = http.getForObject("/api/sanction/measures?listType=COURT_DEFAULTER", JsonNode.class);
        JsonNode exit = court.findParents("measureCode").stream()
                .filter(m -> m.get("measureCode").asText().equals("RESTRICT_EXIT")).findFirst().orElseThrow();
        assertThat(exit.get("legalBasis").asText()).contains("限制出境").contains("003 §12");
        assertThat(exit.get("scenarios").get(0).asText()).isEqualTo("EXIT_ENTRY");
        assertThat(exit.get("confirmationRequired").asBoolean()).isTrue();
        assertThat(exit.get("responseWorkingDays").asInt()).isEqualTo(3);
        assertThat(exit.get("version").asInt()).isEqualTo(1);
        JsonNode loans = court.findParents("measureCode").stream()
                .filter(m -> m.get("measureCode").asText().equals("RESTRICT_LOANS")).findFirst().orElseThrow();
        assertThat(loans.get("confirmationRequired").asBoolean()).isFalse();
    }

    @Test
    @DisplayName("R9: a revision is a new version; tasks made under the old one keep it, new tasks get the new one")
    void revisionsAreVersioned() {
        ListType type = new ListType(listType, 1, "测试名单", ListKind.BLACK, "tax");
        assertThat(publish(draft("finance", "限制申请财政性资金项目", null)).getBody().get("version").asInt())
                .isEqualTo(1);
        UUID before = UUID.randomUUID();
        Subject subject = Listings.newSubject();
        send(Topics.LISTING_EVENTS, subject.key(), Listings.confirmed(before, 2, type, subject));
        TaskView oldTask = awaitLoop(before, l -> l.tasks().size() == 1).tasks().get(0);

        ResponseEntity<JsonNode> revised = publish(draft("finance", "限制申请财政性资金项目和政策性补贴", 1));
        assertThat(revised.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(revised.getBody().get("version").asInt()).isEqualTo(2);
        UUID after = UUID.randomUUID();
        Subject other = Listings.newSubject();
        send(Topics.LISTING_EVENTS, other.key(), Listings.confirmed(after, 2, type, other));
        TaskView newTask = awaitLoop(after, l -> l.tasks().size() == 1).tasks().get(0);

        assertThat(oldTask.measureVersion()).isEqualTo(1);
        assertThat(task(oldTask.taskId()).measure()).isEqualTo("限制申请财政性资金项目");
        assertThat(newTask.measureVersion()).isEqualTo(2);
        assertThat(newTask.measure()).isEqualTo("限制申请财政性资金项目和政策性补贴");
        JsonNode history = http.getForObject("/api/sanction/measures/{lt}/finance/RESTRICT_FISCAL_FUNDS/versions",
                JsonNode.class, listType);
        assertThat(history).hasSize(2);
        assertThat(history.get(0).get("measure").asText()).isEqualTo("限制申请财政性资金项目");
    }

    @Test
    @DisplayName("R9: a revision of an outdated version is a 409 problem; an incomplete one a 400 with its fields")
    void refusedRevisions() {
        publish(draft("finance", "限制申请财政性资金项目", null));
        publish(draft("finance", "第二版", 1));

        ResponseEntity<JsonNode> outdated = publish(draft("finance", "基于第一版的修改", 1));
        Map<String, Object> incomplete = draft("finance", "限制", null);
        incomplete.remove("legalBasis");
        incomplete.put("scenarios", List.of("LOTTERY"));
        ResponseEntity<JsonNode> invalid = publish(incomplete);

        assertThat(outdated.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(outdated.getHeaders().getContentType()).hasToString("application/problem+json");
        assertThat(invalid.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(invalid.getBody().get("errors").findValuesAsText("field"))
                .containsExactlyInAnyOrder("legalBasis", "scenarios[0]");
    }

    @Test
    @DisplayName("R9/R8: a measure for a new agency reaches that agency's own new topic; a withdrawn one no longer applies")
    void newAgencyAndWithdrawal() {
        String agency = "agency-" + Listings.unique();
        ListType type = new ListType(listType, 1, "测试名单", ListKind.BLACK, "tax");
        publish(draft(agency, "限制申请财政性资金项目", null));
        TopicProbe agencyTasks = probe(Topics.agencyTasks(agency));
        Subject subject = Listings.newSubject();
        UUID listingId = UUID.randomUUID();

        send(Topics.LISTING_EVENTS, subject.key(), Listings.confirmed(listingId, 2, type, subject));

        SanctionTaskInitiated task = (SanctionTaskInitiated) codec.decode(agencyTasks.await(
                r -> subject.key().equals(r.key()), 1, Duration.ofSeconds(30)).get(0).value()).data();
        assertThat(task.agencyCode()).isEqualTo(agency);
        assertThat(task.respondBy()).isNotNull();

        ResponseEntity<JsonNode> withdrawn = http.exchange("/api/sanction/measures/{lt}/{agency}/RESTRICT_FISCAL_FUNDS"
                + "?publishedBy=信用办", HttpMethod.DELETE, null, JsonNode.class, listType, agency);
        assertThat(withdrawn.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(withdrawn.getBody().get("withdrawn").asBoolean()).isTrue();
        UUID later = UUID.randomUUID();
        Subject other = Listings.newSubject();
        var confirmed = Listings.confirmed(later, 2, type, other);
        send(Topics.LISTING_EVENTS, other.key(), confirmed);
        awaitHandled("sanction.listing-events", confirmed);
        assertThat(outboxed(other.key(), EventTypes.TASK_INITIATED)).isZero();
        assertThat(http.getForObject("/api/sanction/measures?listType=" + listType, JsonNode.class)).isEmpty();
    }
}
