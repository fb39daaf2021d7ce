package io.creditloop.calendar;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads the yearly holiday arrangements (format in {@code calendar/README.md}): the years built into the jar, then
 * any {@code *.json} in an optional directory, so next year's notice is added without a rebuild. A directory file
 * replaces the built-in file of the same year; the days of all years are then merged by date, a later year's file
 * winning for the dates of the year before that it repeats.
 */
public final class HolidayFiles {

    static final String CLASSPATH_PATTERN = "classpath*:calendar/*.json";

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    @JsonIgnoreProperties(ignoreUnknown = true)
    record YearFile(Integer year, List<Day> days) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Day(String name, LocalDate date, @JsonProperty("isOffDay") Boolean offDay) {
    }

    private HolidayFiles() {
    }

    /** @param extraDir a directory of further year files, or {@code null} */
    public static WorkingDayCalendar load(Path extraDir) {
        Map<Integer, YearFile> byYear = new TreeMap<>();
        try {
            for (Resource resource : new PathMatchingResourcePatternResolver().getResources(CLASSPATH_PATTERN)) {
                try (InputStream in = resource.getInputStream()) {
                    YearFile file = read(in, resource.getDescription());
                    byYear.put(file.year(), file);
                }
            }
            if (extraDir != null) {
                if (!Files.isDirectory(extraDir)) {
                    throw new IllegalStateException("calendar directory " + extraDir + " does not exist");
                }
                try (DirectoryStream<Path> files = Files.newDirectoryStream(extraDir, "*.json")) {
                    for (Path path : files) {
                        try (InputStream in = Files.newInputStream(path)) {
                            YearFile file = read(in, path.toString());
                            byYear.put(file.year(), file);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the holiday arrangements", e);
        }
        if (byYear.isEmpty()) {
            throw new IllegalStateException("no holiday arrangement found in " + CLASSPATH_PATTERN
                    + (extraDir == null ? "" : " or " + extraDir));
        }
        Map<LocalDate, Boolean> offDays = new HashMap<>();
        byYear.values().forEach(file -> file.days().forEach(day -> offDays.put(day.date(), day.offDay())));
        return new WorkingDayCalendar(byYear.keySet(), offDays);
    }

    private static YearFile read(InputStream in, String origin) {
        YearFile file;
        try {
            file = JSON.readValue(in, YearFile.class);
        } catch (IOException e) {
            throw new IllegalStateException("holiday file " + origin + " is not valid: " + e.getMessage(), e);
        }
        if (file == null || file.year() == null || file.days() == null) {
            throw new IllegalStateException("holiday file " + origin + " needs a year and a list of days");
        }
        for (Day day : file.days()) {
            // a notice covers its year and may move days at the end of the year before; anything else is a mistake
            if (day == null || day.date() == null || day.offDay() == null
                    || day.date().getYear() > file.year() || day.date().getYear() < file.year() - 1) {
                throw new IllegalStateException("holiday file " + origin + " has an invalid day for " + file.year()
                        + ": " + day);
            }
        }
        return file;
    }
}
