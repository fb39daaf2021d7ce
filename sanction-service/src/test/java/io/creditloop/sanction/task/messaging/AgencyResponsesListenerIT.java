package io.creditloop.sanction.task.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import io.creditloop.contracts.Envelope;
import io.creditloop.contracts.EventTypes;
import io.creditloop.contracts.Topics;
import io.creditloop.contracts.listing.v1.ListKind;
import io.creditloop.contracts.listing.v1.ListType;
import io.creditloop.contracts.listing.v1.Subject;
import io.creditloop.contracts.sanction.v1.FeedbackGiven;
import io.creditloop.contracts.sanction.v1.MeasureImplemented;
import io.creditloop.contracts.sanction.v1.SanctionTaskAlreadyLifted;
import io.creditloop.contracts.sanction.v1.TaskResponded;
import io.creditloop.sanction.Listings;
import io.creditloop.sanction.ServiceITSupport;
import io.creditloop.testsupport.TopicProbe;
import io.creditloop.sanction.measure.Measure;
import io.creditloop.sanction.measure.MeasureVersion;
import io.creditloop.sanction.measure.Measures;
import io.creditloop.sanction.measure.Scenario;
import io.creditloop.sanction.task.TaskState;
import io.creditloop.sanction.task.web.LoopView;
import io.creditloop.sanction.task.web.TaskView;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class AgencyResponsesListenerIT extends ServiceITSupport {

    @Autowired
    KafkaListenerEndpointRegistry listeners;
    @Autowired
    Measures measures;

    // whole milliseconds, which PostgreSQL keeps exactly
    private static final Instant T0 = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    private final UUID listingId = UUID.randomUUID();
    private final Subject subject = Listings.newSubject();

    /** Confirms a listing and returns its tasks once they exist. */
    private List<TaskView> confirm(ListType listType, int tasks) {
        send(Topics.LISTING_EVENTS, subject.key(), Listings.confirmed(listingId, 2, listType, subject));
        return awaitLoop(listingId, l -> l.tasks().size() == tasks).tasks();
    }

    private static TaskView ofAgency(List<TaskView> tasks, String agency) {
        return tasks.stream().filter(t -> t.agencyCode().equals(agency)).findFirst().orElseThrow();
    }

    private static Envelope<TaskResponded> responded(TaskView task, String agency, Instant at) {
        return answer(task, EventTypes.TASK_RESPONDED, new TaskResponded(task.taskId(), agency, "已接收", at));
    }

    private static Envelope<MeasureImplemented> implemented(TaskView task, Instant at) {
        return answer(task, EventTypes.MEASURE_IMPLEMENTED,
                new MeasureImplemented(task.taskId(), task.agencyCode(), "2024年度项目申报", "已实施", at));
    }

    private static Envelope<FeedbackGiven> fedBack(TaskView task, Instant at) {
        return answer(task, EventTypes.FEEDBACK_GIVEN, new FeedbackGiven(task.taskId(), task.agencyCode(),
                task.measure(), "2024年度项目申报", new BigDecimal("200000.00"), "已按措施办理", at));
    }

    private static <T> Envelope<T> answer(TaskView task, String type, T data) {
        return Envelope.of("/agency/" + task.agencyCode(), type, Instant.now(), task.taskId().toString(), data);
    }

    /** As the agency does: on its own response topic, keyed by task id. */
    private void answerOnOwnTopic(TaskView task, Envelope<?> answer) {
        send(Topics.agencyResponses(task.agencyCode()), task.taskId().toString(), answer);
    }

    @Test
    @DisplayName("R8: the listener reads every agency's response topic from the start, and never a dead-letter topic")
    void subscribesToResponseTopicsOnly() {
        MessageListenerContainer container = listeners.getListenerContainer("sanction-agency-responses");
        List<String> expected = Stream.of("finance", "market-regulation", "public-resource-trading", "transport")
                .map(Topics::agencyResponses).toList();

        eventually().until(() -> container.getAssignedPartitions() != null && container.getAssignedPartitions()
                .stream().map(TopicPartition::topic).collect(Collectors.toSet()).containsAll(expected));

        assertThat(container.getAssignedPartitions()).extracting(TopicPartition::topic)
                .allSatisfy(topic -> assertThat(topic).startsWith("sanction.responses.").doesNotContain(".dlt"));
    }

    @Test
    @DisplayName("R8: respond, implement and feedback from every agency close the loop, which follows the slowest agency")
    void closedLoop() {
        List<TaskView> tasks = confirm(Listings.TAX_A_GRADE, 3);
        TaskView greenChannel = ofAgency(tasks, "market-regulation");
        TaskView bidDeposit = ofAgency(tasks, "public-resource-trading");
        TaskView creditLoans = ofAgency(tasks, "financial-regulation");
        answerOnOwnTopic(creditLoans, fedBack(creditLoans, T0));

        answerOnOwnTopic(greenChannel, responded(greenChannel, "market-regulation", T0));
        answerOnOwnTopic(bidDeposit, responded(bidDeposit, "public-resource-trading", T0));
        awaitLoop(listingId, l -> l.state() == TaskState.RESPONDED);

        answerOnOwnTopic(greenChannel, implemented(greenChannel, T0.plusSeconds(60)));
        answerOnOwnTopic(greenChannel, fedBack(greenChannel, T0.plusSeconds(120)));
        eventually().until(() -> task(greenChannel.taskId()).state() == TaskState.FED_BACK);
        assertThat(loop(listingId).getBody().state()).isEqualTo(TaskState.RESPONDED);

        answerOnOwnTopic(bidDeposit, implemented(bidDeposit, T0.plusSeconds(90)));
        answerOnOwnTopic(bidDeposit, fedBack(bidDeposit, T0.plusSeconds(150)));
        LoopView loop = awaitLoop(listingId, l -> l.state() == TaskState.FED_BACK);

        assertThat(loop.tasks()).allSatisfy(t -> assertThat(t.state()).isEqualTo(TaskState.FED_BACK));
        TaskView closed = task(bidDeposit.taskId());
        assertThat(closed.measureCode()).isEqualTo("WAIVE_BID_DEPOSIT");
        assertThat(closed.respondedAt()).isEqualTo(T0);
        assertThat(closed.implementedAt()).isEqualTo(T0.plusSeconds(90));
        assertThat(closed.fedBackAt()).isEqualTo(T0.plusSeconds(150));
        assertThat(closed.measureApplied()).isEqualTo("免收投标保证金");
        assertThat(closed.businessItem()).isEqualTo("2024年度项目申报");
        assertThat(closed.amount()).isEqualByComparingTo("200000");
        assertThat(closed.explanation()).isEqualTo("已按措施办理");
    }

    @Test
    @DisplayName("R8/R9: a measure that needs no confirmation closes on response; one that needs it stays open until "
            + "feedback, and so does the loop")
    void confirmationDecidesWhenATaskCloses() {
        String code = "CONFIRM_" + Listings.unique().toUpperCase(Locale.ROOT).replace('-', '_');
        ListType type = new ListType(code, 1, "测试红名单", ListKind.RED, "tax");
        Instant now = Instant.now();
        assertThat(measures.insert(new MeasureVersion(new Measure(code, "market-regulation", "GREEN_CHANNEL", 1,
                "绿色通道", "003 §8", List.of(Scenario.ADMINISTRATIVE_LICENSING), null, false, 5), false, now,
                "test", null))).isTrue();
        assertThat(measures.insert(new MeasureVersion(new Measure(code, "finance", "PRIORITY_FUNDS", 1,
                "优先安排财政资金", "003 §9", List.of(Scenario.FISCAL_FUNDS), null, true, 5), false, now,
                "test", null))).isTrue();
        List<TaskView> tasks = confirm(type, 2);
        TaskView greenChannel = ofAgency(tasks, "market-regulation");
        TaskView funds = ofAgency(tasks, "finance");
        assertThat(greenChannel.confirmationRequired()).isFalse();
        assertThat(funds.confirmationRequired()).isTrue();

        answerOnOwnTopic(greenChannel, responded(greenChannel, "market-regulation", T0));
        answerOnOwnTopic(funds, responded(funds, "finance", T0));
        answerOnOwnTopic(funds, implemented(funds, T0.plusSeconds(60)));
        eventually().until(() -> task(funds.taskId()).state() == TaskState.IMPLEMENTED);

        TaskView closedOnResponse = task(greenChannel.taskId());
        assertThat(closedOnResponse.state()).isEqualTo(TaskState.RESPONDED);
        assertThat(closedOnResponse.closed()).isTrue();
        assertThat(closedOnResponse.closedAt()).isEqualTo(T0);
        assertThat(task(funds.taskId()).closed()).isFalse();
        assertThat(loop(listingId).getBody().closed()).isFalse();

        answerOnOwnTopic(funds, fedBack(funds, T0.plusSeconds(120)));
        LoopView loop = awaitLoop(listingId, LoopView::closed);

        assertThat(task(funds.taskId()).closedAt()).isEqualTo(T0.plusSeconds(120));
        assertThat(loop.state()).isEqualTo(TaskState.RESPONDED);
    }

    @Test
    @DisplayName("R8: the same feedback delivered twice is handled once")
    void duplicateDelivery() {
        TaskView task = confirm(Listings.TAX_A_GRADE, 3).get(0);
        Envelope<FeedbackGiven> feedback = fedBack(task, T0);
        answerOnOwnTopic(task, feedback);
        eventually().until(() -> task(task.taskId()).state() == TaskState.FED_BACK);
        TaskView first = task(task.taskId());
        double duplicatesBefore = inboxDuplicates();

        answerOnOwnTopic(task, feedback);

        eventually().until(() -> inboxDuplicates() >= duplicatesBefore + 1);
        assertThat(task(task.taskId())).isEqualTo(first);
    }

    @Test
    @DisplayName("R8: implemented before responded advances and fills the response; the late response changes nothing")
    void implementedBeforeResponded() {
        TaskView task = ofAgency(confirm(Listings.TAX_MAJOR_VIOLATION, 3), "finance");
        Instant implementedAt = T0.plusSeconds(60);

        answerOnOwnTopic(task, implemented(task, implementedAt));
        eventually().until(() -> task(task.taskId()).state() == TaskState.IMPLEMENTED);
        assertThat(task(task.taskId()).respondedAt()).isEqualTo(implementedAt);

        Envelope<TaskResponded> lateResponse = responded(task, "finance", T0);
        answerOnOwnTopic(task, lateResponse);
        awaitHandled(AgencyResponsesListener.CONSUMER, lateResponse);

        TaskView after = task(task.taskId());
        assertThat(after.state()).isEqualTo(TaskState.IMPLEMENTED);
        assertThat(after.respondedAt()).isEqualTo(implementedAt);
        assertThat(after.implementedAt()).isEqualTo(implementedAt);
    }

    @Test
    @DisplayName("R13: an answer for a lifted task changes nothing, and the agency is told on its task topic, once")
    void answerAfterExit() {
        TaskView task = ofAgency(confirm(Listings.COURT_DEFAULTER, 5), "transport");
        send(Topics.LISTING_EVENTS, subject.key(), Listings.exited(listingId, 3, Listings.COURT_DEFAULTER, subject));
        awaitLoop(listingId, l -> l.state() == TaskState.LIFTED);
        TopicProbe transportTasks = probe(Topics.agencyTasks("transport"));

        Envelope<MeasureImplemented> late = implemented(task, T0);
        double duplicatesBefore = inboxDuplicates();
        answerOnOwnTopic(task, late);
        answerOnOwnTopic(task, late);
        awaitHandled(AgencyResponsesListener.CONSUMER, late);

        TaskView after = task(task.taskId());
        assertThat(after.state()).isEqualTo(TaskState.LIFTED);
        assertThat(after.implementedAt()).isNull();
        assertThat(after.businessItem()).isNull();
        ConsumerRecord<String, String> notice = awaitRecords(transportTasks, 1, r -> subject.key().equals(r.key())
                && EventTypes.TASK_ALREADY_LIFTED.equals(header(r, "ce_type"))).get(0);
        SanctionTaskAlreadyLifted data = (SanctionTaskAlreadyLifted) codec.decode(notice.value()).data();
        assertThat(data.taskId()).isEqualTo(task.taskId());
        assertThat(data.answerId()).isEqualTo(late.id());
        assertThat(data.answerType()).isEqualTo(EventTypes.MEASURE_IMPLEMENTED);
        assertThat(data.reason()).isEqualTo("listing exited: EXPIRED");
        assertThat(data.liftedAt()).isEqualTo(after.liftedAt());
        eventually().until(() -> inboxDuplicates() >= duplicatesBefore + 1);
        assertThat(outboxed(subject.key(), EventTypes.TASK_ALREADY_LIFTED)).isEqualTo(1);
    }

    @Test
    @DisplayName("an answer that is not JSON goes to the response topic's dead-letter topic")
    void malformedAnswerIsDeadLettered() {
        String topic = Topics.agencyResponses("finance");
        TopicProbe deadLetters = probe(Topics.deadLetter(topic));
        String key = UUID.randomUUID().toString();

        sendRaw(topic, key, "agency says: done");

        ConsumerRecord<String, String> dead = awaitRecords(deadLetters, 1, r -> key.equals(r.key())).get(0);
        assertThat(dead.value()).isEqualTo("agency says: done");
        assertThat(header(dead, "kafka_dlt-original-topic")).isEqualTo(topic);
        assertThat(header(dead, "kafka_dlt-exception-message")).contains("not JSON");
    }

    @Test
    @DisplayName("R8: an answer on one agency's topic in another agency's name is dead-lettered and changes nothing")
    void answerInAnotherAgencysNameIsDeadLettered() {
        TaskView task = ofAgency(confirm(Listings.TAX_MAJOR_VIOLATION, 3), "finance");
        TopicProbe deadLetters = probe(Topics.deadLetter(Topics.agencyResponses("finance")));

        answerOnOwnTopic(task, responded(task, "transport", T0));

        ConsumerRecord<String, String> dead =
                awaitRecords(deadLetters, 1, r -> task.taskId().toString().equals(r.key())).get(0);
        assertThat(header(dead, "kafka_dlt-exception-message"))
                .contains("agency transport came on the response topic of agency finance");
        assertThat(task(task.taskId()).state()).isEqualTo(TaskState.INITIATED);
    }

    @Test
    @DisplayName("R8: an agency answering a task of another agency is dead-lettered and changes nothing")
    void answerForAnotherAgencysTaskIsDeadLettered() {
        TaskView financeTask = ofAgency(confirm(Listings.TAX_MAJOR_VIOLATION, 3), "finance");
        String transportTopic = Topics.agencyResponses("transport");
        TopicProbe deadLetters = probe(Topics.deadLetter(transportTopic));

        send(transportTopic, financeTask.taskId().toString(), responded(financeTask, "transport", T0));

        ConsumerRecord<String, String> dead =
                awaitRecords(deadLetters, 1, r -> financeTask.taskId().toString().equals(r.key())).get(0);
        assertThat(header(dead, "kafka_dlt-exception-message"))
                .contains("agency transport may not answer task " + financeTask.taskId());
        assertThat(task(financeTask.taskId()).state()).isEqualTo(TaskState.INITIATED);
    }

    @Test
    @DisplayName("R8: an answer for a task never initiated is dead-lettered with the reason")
    void answerForUnknownTaskIsDeadLettered() {
        UUID unknown = UUID.randomUUID();
        String topic = Topics.agencyResponses("finance");
        TopicProbe deadLetters = probe(Topics.deadLetter(topic));

        send(topic, unknown.toString(), Envelope.of("/agency/finance", EventTypes.TASK_RESPONDED, Instant.now(),
                unknown.toString(), new TaskResponded(unknown, "finance", null, T0)));

        ConsumerRecord<String, String> dead =
                awaitRecords(deadLetters, 1, r -> unknown.toString().equals(r.key())).get(0);
        assertThat(header(dead, "kafka_dlt-exception-message")).contains("no sanction task " + unknown);
        ResponseEntity<JsonNode> lookup = http.getForEntity("/api/sanction/tasks/{id}", JsonNode.class, unknown);
        assertThat(lookup.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(lookup.getBody().get("title").asText()).isEqualTo("Sanction task not found");
    }
}
