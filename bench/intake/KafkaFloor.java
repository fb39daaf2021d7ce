import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The Kafka floor of the intake benchmark (issue 9): the same rows' bytes sent by a plain {@link KafkaProducer}, as
 * fast as it goes, to a topic of the benchmark's own broker, with the producer settings the services use
 * ({@code acks=all}, idempotence on, the client's defaults otherwise). Each data line of the CSV (header skipped) is
 * one record, keyed by its 统一社会信用代码 (the listing events' key is the subject), so the partitioning is like
 * the relay's. Rows/s is over the sends until every record is acknowledged ({@code flush}); the producer's start-up
 * and the topic's creation are outside the timing. Prints {@code rows nanos bytes}.
 * <pre>
 *   java -cp kafka-clients.jar:slf4j-api.jar:lz4.jar:snappy.jar:zstd.jar KafkaFloor.java BOOTSTRAP TOPIC ROWS.csv
 * </pre>
 */
public final class KafkaFloor {

    public static void main(String[] args) throws Exception {
        String bootstrap = args[0];
        String topic = args[1];
        Path csv = Path.of(args[2]);
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get();
        }
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        AtomicReference<Exception> failed = new AtomicReference<>();
        AtomicLong acked = new AtomicLong();
        long rows = 0;
        long bytes = 0;
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config)) {
            producer.partitionsFor(topic); // metadata fetched before the clock starts
            try (BufferedReader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
                in.readLine(); // the header
                long start = System.nanoTime();
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    String[] cells = line.split(",", 5);
                    byte[] value = line.getBytes(StandardCharsets.UTF_8);
                    producer.send(new ProducerRecord<>(topic, cells.length > 3 ? cells[3] : null, value), (m, e) -> {
                        if (e != null) {
                            failed.compareAndSet(null, e);
                        } else {
                            acked.incrementAndGet();
                        }
                    });
                    rows++;
                    bytes += value.length;
                }
                producer.flush();
                long nanos = System.nanoTime() - start;
                if (failed.get() != null || acked.get() != rows) {
                    throw new IllegalStateException("only " + acked.get() + " of " + rows + " acknowledged",
                            failed.get());
                }
                System.out.println(rows + " " + nanos + " " + bytes);
            }
        }
    }
}
