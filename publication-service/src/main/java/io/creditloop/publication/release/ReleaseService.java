package io.creditloop.publication.release;

import io.creditloop.publication.board.BoardEntry;
import io.creditloop.publication.board.Page;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** R7: making and reading releases (000 §3; 004 §4(三)1). */
@Service
public class ReleaseService {

    private static final Logger log = LoggerFactory.getLogger(ReleaseService.class);

    private final Releases releases;
    private final ReleaseSchedule schedule;
    private final Clock clock;

    public ReleaseService(Releases releases, @Value("${creditloop.publication.releases.period:}") Period period,
                          Clock clock) {
        this.releases = releases;
        this.schedule = new ReleaseSchedule(period);
        this.clock = clock;
    }

    /**
     * Makes a release of the board at {@code cutOff} (today if absent).
     *
     * @throws InvalidReleaseException if {@link Release#problems} finds any
     */
    @Transactional
    public Release release(ReleaseKind kind, String department, LocalDate cutOff) {
        LocalDate today = LocalDate.now(clock);
        Map<String, String> problems = Release.problems(kind, department, cutOff, today);
        if (!problems.isEmpty()) {
            throw new InvalidReleaseException(problems);
        }
        LocalDate day = cutOff == null ? today : cutOff;
        String scope = kind == ReleaseKind.DEPARTMENT ? department.strip() : null;
        Instant dayEnd = day.plusDays(1).atStartOfDay(clock.getZone()).toInstant();
        releases.lockForMaking();
        long no = releases.create(kind, scope, day, dayEnd, clock.instant());
        Release release = releases.find(no).orElseThrow();
        log.info("release {} ({}{}) at {}: {} entries", no, kind, scope == null ? "" : " " + scope, day,
                release.entryCount());
        return release;
    }

    /** R7: the scheduled unified release, if one is due today; at most one per due date across instances. */
    @Transactional
    public Optional<Release> releaseIfDue() {
        LocalDate today = LocalDate.now(clock);
        if (!schedule.due(releases.lastUnifiedCutOff().orElse(null), today)) {
            return Optional.empty();
        }
        releases.lockForMaking();
        if (!schedule.due(releases.lastUnifiedCutOff().orElse(null), today)) {
            return Optional.empty();
        }
        return Optional.of(release(ReleaseKind.UNIFIED, null, today));
    }

    @Transactional(readOnly = true)
    public Optional<Release> find(long no) {
        return releases.find(no);
    }

    @Transactional(readOnly = true)
    public Page<Release> page(int page, int size) {
        return releases.page(page, size);
    }

    @Transactional(readOnly = true)
    public Optional<Page<BoardEntry>> entries(long no, int page, int size) {
        return releases.find(no).map(r -> releases.entries(no, page, size, r.entryCount()));
    }

    /** The release and every one of its entries, in the printed order; false if there is no such release. */
    @Transactional(readOnly = true)
    public boolean print(long no, Consumer<Release> header, Consumer<BoardEntry> sink) {
        Optional<Release> release = releases.find(no);
        release.ifPresent(r -> {
            header.accept(r);
            releases.forEachEntry(no, sink);
        });
        return release.isPresent();
    }
}
