package io.creditloop.sanction.measure;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The versioned measures catalog in table {@code measure_version} (R9). */
@Repository
public class Measures {

    private static final String COLUMNS = """
            list_type_code, agency_code, measure_code, version, measure, legal_basis, scenarios, scenario_note,
            confirmation_required, response_working_days, withdrawn, published_at, published_by, revision_note""";
    /** The latest version of every measure; the ones in force are those not withdrawn. */
    private static final String LATEST = "SELECT DISTINCT ON (list_type_code, agency_code, measure_code) " + COLUMNS
            + " FROM measure_version ORDER BY list_type_code, agency_code, measure_code, version DESC";

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    public Measures(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    /** The measures in force for a list type, each in its latest version. */
    public List<Measure> forListType(String listTypeCode) {
        return jdbc.sql("SELECT * FROM (" + LATEST + ") latest WHERE NOT withdrawn AND list_type_code = :code "
                        + "ORDER BY agency_code, measure_code")
                .param("code", listTypeCode)
                .query((rs, n) -> version(rs).measure())
                .list();
    }

    /** Every measure in force, each in its latest version. */
    public List<MeasureVersion> inForce() {
        return jdbc.sql("SELECT * FROM (" + LATEST + ") latest WHERE NOT withdrawn "
                        + "ORDER BY list_type_code, agency_code, measure_code")
                .query((rs, n) -> version(rs))
                .list();
    }

    public Optional<MeasureVersion> latest(String listTypeCode, String agencyCode, String measureCode) {
        return jdbc.sql("SELECT " + COLUMNS + """
                         FROM measure_version WHERE list_type_code = :listType AND agency_code = :agency
                        AND measure_code = :code ORDER BY version DESC LIMIT 1""")
                .param("listType", listTypeCode)
                .param("agency", agencyCode)
                .param("code", measureCode)
                .query((rs, n) -> version(rs))
                .optional();
    }

    /** Every version of one measure, oldest first. */
    public List<MeasureVersion> history(String listTypeCode, String agencyCode, String measureCode) {
        return jdbc.sql("SELECT " + COLUMNS + """
                         FROM measure_version WHERE list_type_code = :listType AND agency_code = :agency
                        AND measure_code = :code ORDER BY version""")
                .param("listType", listTypeCode)
                .param("agency", agencyCode)
                .param("code", measureCode)
                .query((rs, n) -> version(rs))
                .list();
    }

    /**
     * Stores a new version; false if that version number was taken meanwhile (another editor published first).
     * A stored version is announced as {@link CatalogEdited}, so the in-memory catalog reloads after the commit.
     */
    public boolean insert(MeasureVersion published) {
        Measure m = published.measure();
        boolean stored = jdbc.sql("INSERT INTO measure_version (" + COLUMNS + """
                        ) VALUES (:listType, :agency, :code, :version, :measure, :basis,
                        string_to_array(:scenarios, ','), :note, :confirmation, :days, :withdrawn, :publishedAt,
                        :publishedBy, :revisionNote)
                        ON CONFLICT DO NOTHING""")
                .param("listType", m.listTypeCode())
                .param("agency", m.agencyCode())
                .param("code", m.measureCode())
                .param("version", m.version())
                .param("measure", m.measure())
                .param("basis", m.legalBasis())
                .param("scenarios", String.join(",", m.scenarios().stream().map(Enum::name).toList()))
                .param("note", m.scenarioNote())
                .param("confirmation", m.confirmationRequired())
                .param("days", m.responseWorkingDays())
                .param("withdrawn", published.withdrawn())
                .param("publishedAt", published.publishedAt().atOffset(ZoneOffset.UTC))
                .param("publishedBy", published.publishedBy())
                .param("revisionNote", published.revisionNote())
                .update() == 1;
        if (stored) {
            events.publishEvent(new CatalogEdited(m.listTypeCode(), m.agencyCode(), m.measureCode(), m.version()));
        }
        return stored;
    }

    /** Every enforcing agency the catalog ever named, so each keeps its topics. */
    public List<String> agencyCodes() {
        return jdbc.sql("SELECT DISTINCT agency_code FROM measure_version ORDER BY agency_code")
                .query(String.class)
                .list();
    }

    private static MeasureVersion version(ResultSet rs) throws SQLException {
        Measure measure = new Measure(rs.getString("list_type_code"), rs.getString("agency_code"),
                rs.getString("measure_code"), rs.getInt("version"), rs.getString("measure"),
                rs.getString("legal_basis"), scenarios(rs.getArray("scenarios")), rs.getString("scenario_note"),
                rs.getBoolean("confirmation_required"), rs.getInt("response_working_days"));
        return new MeasureVersion(measure, rs.getBoolean("withdrawn"),
                rs.getObject("published_at", OffsetDateTime.class).toInstant(), rs.getString("published_by"),
                rs.getString("revision_note"));
    }

    private static List<Scenario> scenarios(Array array) throws SQLException {
        return Arrays.stream((String[]) array.getArray()).map(Scenario::valueOf).toList();
    }
}
