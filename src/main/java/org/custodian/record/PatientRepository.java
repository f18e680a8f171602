package org.custodian.record;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class PatientRepository {
    private static final int MAX_RESULTS = 50;

    private final JdbcClient jdbc;
    private final IdentifierCipher cipher;

    public PatientRepository(JdbcClient jdbc, IdentifierCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    public Optional<Patient> find(UUID id) {
        return jdbc.sql("SELECT * FROM patient WHERE id = :id").param("id", id)
                .query(PatientRepository::map).optional();
    }

    public Optional<String> socialSecurityNumber(UUID id) {
        return jdbc.sql("SELECT ssn_encrypted FROM patient WHERE id = :id AND ssn_encrypted IS NOT NULL")
                .param("id", id).query(byte[].class).optional().map(cipher::decrypt);
    }

    public List<Mrn> identifiers(UUID patientId) {
        return jdbc.sql("SELECT facility_id, value FROM patient_identifier WHERE patient_id = :id ORDER BY value")
                .param("id", patientId)
                .query((rs, i) -> new Mrn(rs.getObject("facility_id", UUID.class), rs.getString("value")))
                .list();
    }

    /** The facilities that hold a medical record number for the patient, i.e. hold their record. */
    public Set<UUID> facilitiesOf(UUID patientId) {
        return Set.copyOf(jdbc.sql("SELECT facility_id FROM patient_identifier WHERE patient_id = :id")
                .param("id", patientId).query(UUID.class).list());
    }

    /** The same facilities with their codes (id to code), for decisions that must say which one. */
    public java.util.Map<UUID, String> facilityCodesOf(UUID patientId) {
        java.util.Map<UUID, String> codes = new java.util.LinkedHashMap<>();
        jdbc.sql("""
                SELECT f.id, f.code FROM patient_identifier i JOIN facility f ON f.id = i.facility_id
                 WHERE i.patient_id = :id ORDER BY f.code""").param("id", patientId)
                .query(rs -> {
                    codes.put(rs.getObject(1, UUID.class), rs.getString(2));
                });
        return codes;
    }

    public Optional<UUID> findByMrn(UUID facilityId, String mrn) {
        return jdbc.sql("SELECT patient_id FROM patient_identifier WHERE facility_id = :f AND value = :v")
                .param("f", facilityId).param("v", mrn.trim()).query(UUID.class).optional();
    }

    /** {@link #findByMrn} for many MRNs in one query: the patient holding each MRN found (absent when none). */
    public java.util.Map<Mrn, UUID> findByMrns(Collection<Mrn> mrns) {
        java.util.Map<Mrn, UUID> found = new java.util.HashMap<>();
        if (mrns.isEmpty()) {
            return found;
        }
        jdbc.sql("""
                SELECT i.facility_id, i.value, i.patient_id
                  FROM patient_identifier i JOIN unnest(:f::uuid[], :v::text[]) AS k(facility_id, value)
                    ON i.facility_id = k.facility_id AND i.value = k.value""")
                .param("f", mrns.stream().map(Mrn::facilityId).toArray(UUID[]::new))
                .param("v", mrns.stream().map(Mrn::value).toArray(String[]::new))
                .query(rs -> {
                    found.put(new Mrn(rs.getObject(1, UUID.class), rs.getString(2)), rs.getObject(3, UUID.class));
                });
        return found;
    }

    public void addIdentifier(UUID patientId, Mrn mrn) {
        jdbc.sql("INSERT INTO patient_identifier (patient_id, facility_id, value) VALUES (:p, :f, :v) "
                        + "ON CONFLICT DO NOTHING")
                .param("p", patientId).param("f", mrn.facilityId()).param("v", mrn.value()).update();
    }

    /**
     * Finds patients within the given facilities. Names match despite typos (trigram similarity)
     * and sound-alike spellings (Double Metaphone of the family name); results are best first.
     */
    public List<PatientSummary> search(PatientQuery query, Collection<UUID> facilityScope) {
        if (facilityScope.isEmpty()) {
            return List.of();
        }
        String folded = query.name() == null ? null : NameFolding.fold(query.name());
        String[] words = folded == null ? new String[0] : folded.split(" ");
        StringBuilder sql = new StringBuilder("""
                SELECT p.id, p.given, p.family, p.birth_date, p.sex, %s AS score,
                       (SELECT string_agg(f.code || ' ' || i.value, ', ' ORDER BY f.code)
                          FROM patient_identifier i JOIN facility f ON f.id = i.facility_id
                         WHERE i.patient_id = p.id AND i.facility_id = ANY(:scope)) AS mrns
                  FROM patient p
                 WHERE EXISTS (SELECT 1 FROM patient_identifier s
                                WHERE s.patient_id = p.id AND s.facility_id = ANY(:scope))
                """.formatted(folded == null ? "1.0" : "greatest(similarity(p.search_name, :name), word_similarity(:name, p.search_name))"));
        if (folded != null) {
            sql.append(" AND (p.search_name % :name OR :name <% p.search_name"
                    + " OR dmetaphone(p.family) = ANY(:sounds) OR p.search_name LIKE :prefix)");
        }
        if (query.birthDate() != null) {
            sql.append(" AND p.birth_date = :birthDate");
        }
        if (query.mrn() != null) {
            sql.append(" AND EXISTS (SELECT 1 FROM patient_identifier m WHERE m.patient_id = p.id"
                    + " AND upper(m.value) = upper(:mrn) AND m.facility_id = ANY(:scope))");
        }
        sql.append(" ORDER BY score DESC, p.family, p.given LIMIT ").append(MAX_RESULTS);
        JdbcClient.StatementSpec spec = jdbc.sql(sql.toString()).param("scope", facilityScope.toArray(UUID[]::new));
        if (folded != null) {
            spec = spec.param("name", folded)
                    .param("prefix", escapeLike(folded) + "%")
                    .param("sounds", metaphoneInputs(words));
        }
        if (query.birthDate() != null) {
            spec = spec.param("birthDate", query.birthDate());
        }
        if (query.mrn() != null) {
            spec = spec.param("mrn", query.mrn());
        }
        return spec.query((rs, i) -> new PatientSummary(
                rs.getObject("id", UUID.class), rs.getString("given"), rs.getString("family"),
                rs.getObject("birth_date", java.time.LocalDate.class), Sex.valueOf(rs.getString("sex")),
                rs.getString("mrns") == null ? List.of() : Arrays.asList(rs.getString("mrns").split(", ")),
                rs.getDouble("score"))).list();
    }

    private String[] metaphoneInputs(String[] words) {
        String joined = Arrays.stream(words).filter(w -> w.length() > 1).collect(Collectors.joining(","));
        if (joined.isEmpty()) {
            return new String[0];
        }
        return jdbc.sql("SELECT array_agg(dmetaphone(w)) FROM unnest(string_to_array(:w, ',')) AS w")
                .param("w", joined).query((rs, i) -> (String[]) rs.getArray(1).getArray()).single();
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    static Patient map(ResultSet rs, int row) throws SQLException {
        var deceased = rs.getObject("deceased_at", java.time.OffsetDateTime.class);
        return new Patient(
                rs.getObject("id", UUID.class), rs.getString("given"), rs.getString("family"),
                rs.getObject("birth_date", java.time.LocalDate.class), Sex.valueOf(rs.getString("sex")),
                new Patient.Address(rs.getString("address_line"), rs.getString("city"), rs.getString("state"),
                        rs.getString("postal_code")),
                rs.getString("phone"), deceased == null ? null : deceased.toInstant());
    }
}
