package org.custodian.mpi;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.custodian.record.IdentifierCipher;
import org.custodian.record.Sex;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads patients' demographics for matching (the SSN decrypted only in memory, never logged).
 * Records merged into another are not matched again: their person lives on in the survivor.
 */
@Repository
class IndexReader {
    private static final String ACTIVE = """
            SELECT p.* FROM patient p
             WHERE NOT EXISTS (SELECT 1 FROM mpi_identity i WHERE i.patient_id = p.id AND i.merged_into IS NOT NULL)""";

    private final JdbcClient jdbc;
    private final IdentifierCipher cipher;

    IndexReader(JdbcClient jdbc, IdentifierCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    long countActive() {
        return jdbc.sql("SELECT count(*) FROM (" + ACTIVE + ") a").query(Long.class).single();
    }

    void forEachActive(Consumer<Demographics> each) {
        jdbc.sql(ACTIVE + " ORDER BY p.id").query(rs -> {
            each.accept(map(rs));
        });
    }

    /** The active patients holding an MRN at the facility. */
    void forEachActiveAt(UUID facilityId, Consumer<Demographics> each) {
        jdbc.sql(ACTIVE + """
                 AND EXISTS (SELECT 1 FROM patient_identifier pi WHERE pi.patient_id = p.id AND pi.facility_id = :f)
                 ORDER BY p.id""").param("f", facilityId).query(rs -> {
            each.accept(map(rs));
        });
    }

    /** When a patient was registered, and whether other records were merged into it. */
    record Registration(java.time.Instant receivedAt, boolean holdsMerged) {
    }

    java.util.Map<UUID, Registration> registrations(Collection<UUID> ids) {
        java.util.Map<UUID, Registration> out = new java.util.HashMap<>();
        jdbc.sql("""
                SELECT p.id, p.received_at,
                       EXISTS (SELECT 1 FROM mpi_identity i WHERE i.merged_into = p.id) AS holds_merged
                  FROM patient p WHERE p.id = ANY(:ids)""").param("ids", ids.toArray(UUID[]::new))
                .query(rs -> {
                    var received = rs.getTimestamp("received_at");
                    out.put(rs.getObject("id", UUID.class), new Registration(
                            received == null ? null : received.toInstant(), rs.getBoolean("holds_merged")));
                });
        return out;
    }

    List<Demographics> find(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT p.* FROM patient p WHERE p.id = ANY(:ids)").param("ids", ids.toArray(UUID[]::new))
                .query((rs, i) -> map(rs)).list();
    }

    /**
     * Patients sharing a blocking key with the probe (birth date either way round, family-name sound
     * with birth year and given initial, SSN), found through indexes: the real-time path's candidate set.
     */
    List<Demographics> candidates(Demographics probe, int limit) {
        List<String> conditions = new ArrayList<>();
        var spec = new Object() {
            final java.util.Map<String, Object> params = new java.util.HashMap<>();
        };
        LocalDate birth = probe.birthDate();
        if (birth != null) {
            conditions.add("p.birth_date IN (:birth, :swapped)");
            spec.params.put("birth", birth);
            spec.params.put("swapped", swapped(birth));
            if (probe.family() != null) {
                // as the batch key: family sound, birth year and given initial (a common name's sound in
                // one year is over a thousand people at a million patients; the initial keeps it to dozens)
                boolean initial = probe.given() != null && !probe.given().isBlank();
                conditions.add("(dmetaphone(p.family) = dmetaphone(:family) AND p.birth_date BETWEEN :yearStart AND :yearEnd"
                        + (initial ? " AND upper(left(p.given, 1)) = :initial)" : ")"));
                spec.params.put("family", probe.family());
                spec.params.put("yearStart", LocalDate.of(birth.getYear(), 1, 1));
                spec.params.put("yearEnd", LocalDate.of(birth.getYear(), 12, 31));
                if (initial) {
                    spec.params.put("initial", probe.given().strip().substring(0, 1).toUpperCase(java.util.Locale.ROOT));
                }
            }
        }
        if (probe.ssn() != null && !probe.ssn().isBlank()) {
            String digits = probe.ssn().replaceAll("[^0-9]", "");
            conditions.add("p.ssn_digest IN (:ssnAsGiven, :ssnDigits, :ssnDashed)");
            spec.params.put("ssnAsGiven", cipher.digest(probe.ssn().trim()));
            spec.params.put("ssnDigits", cipher.digest(digits));
            spec.params.put("ssnDashed", cipher.digest(digits.length() == 9
                    ? digits.substring(0, 3) + "-" + digits.substring(3, 5) + "-" + digits.substring(5) : digits));
        }
        if (conditions.isEmpty()) {
            return List.of();
        }
        var statement = jdbc.sql("SELECT * FROM (" + ACTIVE + " AND (" + String.join(" OR ", conditions)
                + ")) c LIMIT " + limit);
        for (var param : spec.params.entrySet()) {
            statement = statement.param(param.getKey(), param.getValue());
        }
        return statement.query((rs, i) -> map(rs)).list();
    }

    private static LocalDate swapped(LocalDate birth) {
        if (birth.getDayOfMonth() > 12) {
            return birth;
        }
        return LocalDate.of(birth.getYear(), birth.getDayOfMonth(), Math.min(birth.getMonthValue(),
                java.time.YearMonth.of(birth.getYear(), birth.getDayOfMonth()).lengthOfMonth()));
    }

    private Demographics map(ResultSet rs) throws SQLException {
        byte[] ssn = rs.getBytes("ssn_encrypted");
        return new Demographics(rs.getObject("id", UUID.class).toString(), rs.getString("given"),
                rs.getString("family"), rs.getObject("birth_date", LocalDate.class), Sex.valueOf(rs.getString("sex")),
                rs.getString("address_line"), rs.getString("city"), rs.getString("state"), rs.getString("postal_code"),
                rs.getString("phone"), ssn == null ? null : cipher.decrypt(ssn));
    }
}
