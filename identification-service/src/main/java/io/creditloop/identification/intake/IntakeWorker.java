package io.creditloop.identification.intake;

import io.creditloop.messaging.CurrentRequestId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The background workers: a bounded pool ({@code creditloop.intake.threads}, 1 by default) that takes waiting uploads
 * from the database one at a time. The queue is the {@code intake_upload} table, so nothing is lost when the process
 * stops. Several instances share it: a running upload carries its instance's heartbeat (every lease-check); one
 * whose heartbeat is older than {@code creditloop.intake.lease-timeout} was left by an instance that died and is
 * queued again, here checked at start-up and every {@code creditloop.intake.lease-check}; it resumes after its last
 * finished chunk. A graceful stop hands the upload back at once.
 */
@Component
public class IntakeWorker implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(IntakeWorker.class);

    private final IntakeUploads uploads;
    private final IntakeRunner runner;
    private final Clock clock;
    private final ThreadPoolExecutor executor;
    private final java.time.Duration leaseTimeout;
    /** This instance's running uploads and their claims (F2: the heartbeat names the claim, as every write does). */
    private final java.util.Map<java.util.UUID, Integer> running = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile boolean stopping;

    public IntakeWorker(IntakeUploads uploads, IntakeRunner runner, IntakeProperties properties, Clock clock) {
        this.uploads = uploads;
        this.leaseTimeout = properties.leaseTimeout();
        this.runner = runner;
        this.clock = clock;
        AtomicInteger threads = new AtomicInteger();
        // a wake-up that finds the queue full is dropped: the waiting drains will take its upload
        this.executor = new ThreadPoolExecutor(properties.threads(), properties.threads(), 0, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(properties.threads()), r -> {
                    Thread thread = new Thread(r, "intake-" + threads.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                }, new ThreadPoolExecutor.DiscardPolicy());
    }

    /** Called after an upload was committed as RECEIVED. */
    public void wake() {
        if (!stopping) {
            executor.execute(this::drain);
        }
    }

    /**
     * Beats for this instance's running uploads (however long a step takes: the damage check of a large workbook
     * writes no chunk for minutes), queues again what a dead instance left, and takes waiting uploads (also those
     * another instance handed back).
     */
    @EventListener(ApplicationReadyEvent.class)
    @Scheduled(fixedDelayString = "${creditloop.intake.lease-check:15s}",
            initialDelayString = "${creditloop.intake.lease-check:15s}")
    public void resumeInterrupted() {
        try {
            if (!running.isEmpty()) {
                uploads.heartbeat(java.util.Map.copyOf(running));
            }
            int requeued = uploads.requeueAbandoned(leaseTimeout);
            if (requeued > 0) {
                log.info("{} intake upload(s) left by a stopped instance queued again", requeued);
            }
        } catch (RuntimeException e) {
            log.warn("cannot check for abandoned intake uploads", MaskedException.of(e));
            return;
        }
        wake();
    }

    private void drain() {
        while (!stopping) {
            Optional<IntakeUpload> next;
            try {
                next = uploads.claimNext(clock.instant());
            } catch (RuntimeException e) {
                log.error("cannot take the next intake upload", MaskedException.of(e));
                return;
            }
            if (next.isEmpty()) {
                return;
            }
            running.put(next.get().id(), next.get().attempts());
            // the upload's listings and their events are traced to the request that uploaded it
            CurrentRequestId.Scope request = CurrentRequestId.open(next.get().requestId());
            try {
                runner.run(next.get(), () -> stopping);
            } catch (RuntimeException e) {
                // the upload stays RUNNING; without this instance's heartbeat it is taken over after the lease
                log.error("intake upload {} could not be finished", next.get().id(), MaskedException.of(e));
            } finally {
                running.remove(next.get().id());
                request.close();
            }
        }
    }

    @Override
    public void destroy() throws InterruptedException {
        stopping = true;
        executor.shutdown();
        if (!executor.awaitTermination(30, TimeUnit.SECONDS)) {
            executor.shutdownNow();
        }
    }
}
