package io.creditloop.simulator.agency;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.creditloop.contracts.Envelope;
import io.creditloop.contracts.EventTypes;
import io.creditloop.contracts.Topics;
import io.creditloop.contracts.sanction.v1.FeedbackGiven;
import io.creditloop.contracts.sanction.v1.MeasureImplemented;
import io.creditloop.contracts.sanction.v1.SanctionTaskInitiated;
import io.creditloop.contracts.sanction.v1.SanctionTaskAlreadyLifted;
import io.creditloop.contracts.sanction.v1.SanctionTaskLifted;
import io.creditloop.contracts.sanction.v1.SanctionTaskReminder;
import io.creditloop.contracts.sanction.v1.TaskResponded;
import io.creditloop.contracts.sanction.v1.WatchNotice;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.messaging.handler.annotation.Payload;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A demo enforcing agency, and the example of how a real one subscribes (R8): it needs only the contracts (or
 * their JSON Schemas), a consumer on its task topic and a producer on its response topic. It answers every
 * initiated task at once with respond (响应), implement (实施) and feedback (反馈), keyed by task id so the three
 * stay in order. Reminders, notices of answers to lifted tasks and watch-list notices are only logged.
 * <p>
 * What an agency's consumer must survive (issue 9): a task message it cannot read (not JSON, missing or wrongly
 * typed fields, addressed to another agency) is put on {@code sanction.tasks.<agency>.dlt} with the reason in its
 * headers and the consumer goes on with the next task ({@link AgencyErrorHandling}); the task stays unanswered in
 * sanction, which reminds the agency and counts it overdue (R9). A crash between answering and committing the offset
 * redelivers the task: the answers get the same event ids again, and sanction drops the repeats.
 */
@Component
@ConditionalOnProperty(name = "creditloop.demo-agency.enabled", havingValue = "true", matchIfMissing = true)
public class DemoAgency {

    private static final Logger log = LoggerFactory.getLogger(DemoAgency.class);

    private final ObjectMapper json = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private final KafkaTemplate<String, String> kafka;
    private final Clock clock;

    public DemoAgency(KafkaTemplate<String, String> kafka, Clock clock) {
        this.kafka = kafka;
        this.clock = clock;
    }

    /**
     * A real agency listens to its own topic only: {@code topics = "sanction.tasks.finance"}. The demo plays every
     * agency; agency codes have no dots, so the pattern leaves any {@code .dlt} topic alone.
     */
    @KafkaListener(topicPattern = Topics.AGENCY_TASKS_PATTERN, groupId = "demo-agency")
    public void onTask(@Payload String message, @Header(KafkaHeaders.RECEIVED_TOPIC) String topic) throws Exception {
        Envelope<JsonNode> task = read(message, topic);
        if (EventTypes.TASK_INITIATED.equals(task.type())) {
            answer(initiated(task, topic));
        } else if (EventTypes.TASK_LIFTED.equals(task.type())) {
            SanctionTaskLifted lifted = json.treeToValue(task.data(), SanctionTaskLifted.class);
            log.info("task {} lifted for {}: stop applying {} ({})", lifted.taskId(), lifted.agencyCode(),
                    lifted.measureCode(), lifted.reason());
        } else if (EventTypes.TASK_REMINDER.equals(task.type())) {
            // the demo answers every task at once, so a reminder means its answers were lost: say so, answer nothing
            SanctionTaskReminder reminder = json.treeToValue(task.data(), SanctionTaskReminder.class);
            log.warn("reminder ({}) for task {} of {}: respond by {}", reminder.kind(), reminder.taskId(),
                    reminder.agencyCode(), reminder.respondBy());
        } else if (EventTypes.TASK_ALREADY_LIFTED.equals(task.type())) {
            SanctionTaskAlreadyLifted notice = json.treeToValue(task.data(), SanctionTaskAlreadyLifted.class);
            log.info("answer {} to task {} came after the task was lifted ({}): nothing to apply", notice.answerId(),
                    notice.taskId(), notice.reason());
        } else if (EventTypes.WATCH_NOTICE.equals(task.type())) {
            WatchNotice notice = json.treeToValue(task.data(), WatchNotice.class);
            log.info("watched subject {} {} on {} (listing {})", task.subject(), notice.change(),
                    notice.listType().code(), notice.listingId());
        }
    }

    private Envelope<JsonNode> read(String message, String topic) {
        Envelope<JsonNode> task;
        try {
            task = json.readValue(message, new TypeReference<Envelope<JsonNode>>() { });
        } catch (Exception e) {
            throw new MalformedTaskException("not a task event on " + topic + ": " + e.getMessage(), e);
        }
        if (task == null || task.type() == null || task.data() == null || !task.data().isObject()) {
            throw new MalformedTaskException("a task event on " + topic + " needs a type and an object as data");
        }
        return task;
    }

    private SanctionTaskInitiated initiated(Envelope<JsonNode> event, String topic) {
        SanctionTaskInitiated task;
        try {
            task = json.treeToValue(event.data(), SanctionTaskInitiated.class);
        } catch (Exception e) {
            throw new MalformedTaskException("task " + event.id() + " is not a readable "
                    + EventTypes.TASK_INITIATED + ": " + e.getMessage(), e);
        }
        if (task.taskId() == null || task.agencyCode() == null || task.measure() == null || task.listType() == null
                || task.subject() == null) {
            throw new MalformedTaskException("task " + event.id() + " lacks its task id, agency, measure, list type or"
                    + " subject");
        }
        if (!topic.equals(Topics.agencyTasks(task.agencyCode()))) {
            throw new MalformedTaskException("task " + task.taskId() + " is addressed to " + task.agencyCode()
                    + " but came on " + topic);
        }
        return task;
    }

    private void answer(SanctionTaskInitiated task) throws Exception {
        String agency = task.agencyCode();
        UUID taskId = task.taskId();
        Instant now = clock.instant();
        String item = "“" + task.measure() + "”相关业务受理与审核";
        send(agency, task, EventTypes.TASK_RESPONDED, now, new TaskResponded(taskId, agency,
                "已签收" + task.listType().name() + "联合奖惩任务，正在业务系统中核查该主体的在办事项", now));
        send(agency, task, EventTypes.MEASURE_IMPLEMENTED, now, new MeasureImplemented(taskId, agency, item,
                "已依据" + task.legalBasis() + "在业务系统中设置提示，实施“" + task.measure() + "”", now));
        send(agency, task, EventTypes.FEEDBACK_GIVEN, now, new FeedbackGiven(taskId, agency, task.measure(), item,
                null, "对" + task.subject().name() + "实施“" + task.measure() + "”，执行至"
                        + (task.validUntil() == null ? "移出名单" : task.validUntil() + "或移出名单") + "为止", now));
    }

    /**
     * One answer, sent before the next one is: the three stay in order. The event id is derived from task and type,
     * so a redelivered task yields the same ids and the sanction service drops the repeats.
     */
    private void send(String agency, SanctionTaskInitiated task, String type, Instant at, Object data)
            throws Exception {
        String key = task.taskId().toString();
        String id = UUID.nameUUIDFromBytes((key + "/" + type).getBytes(StandardCharsets.UTF_8)).toString();
        Envelope<Object> answer = new Envelope<>(Envelope.SPEC_VERSION, id, "/agency/" + agency, type, at, key,
                Envelope.CONTENT_TYPE, data);
        kafka.send(Topics.agencyResponses(agency), key, json.writeValueAsString(answer)).get(10, TimeUnit.SECONDS);
    }
}
