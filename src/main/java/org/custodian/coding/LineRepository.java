package org.custodian.coding;

import java.sql.Date;
import java.util.List;
import java.util.UUID;
import org.custodian.record.Diagnosis.PresentOnAdmission;
import org.custodian.terminology.CodeSystem;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The codes assigned to an encounter, per coding pass. */
@Repository
class LineRepository {
    private final JdbcClient jdbc;

    LineRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<CodedLine> lines(UUID encounterId, CodingPass pass) {
        return jdbc.sql("""
                SELECT * FROM coded_line WHERE encounter_id = :e AND pass = :p
                 ORDER BY kind, principal DESC, added_at, code""")
                .param("e", encounterId).param("p", pass.name())
                .query((rs, i) -> new CodedLine(rs.getObject("id", UUID.class),
                        CodedLine.Kind.valueOf(rs.getString("kind")), CodeSystem.valueOf(rs.getString("code_system")),
                        rs.getString("code"), rs.getString("description"), rs.getBoolean("principal"),
                        rs.getString("poa") == null ? null : PresentOnAdmission.valueOf(rs.getString("poa")),
                        rs.getObject("performed_on", java.time.LocalDate.class), rs.getString("added_by"),
                        CaseRepository.instant(rs, "added_at")))
                .list();
    }

    void insert(UUID encounterId, CodingPass pass, CodedLine line) {
        if (line.principal()) {
            jdbc.sql("UPDATE coded_line SET principal = false WHERE encounter_id = :e AND pass = :p AND principal")
                    .param("e", encounterId).param("p", pass.name()).update();
        }
        try {
            jdbc.sql("""
                    INSERT INTO coded_line (id, encounter_id, pass, kind, code_system, code, description, principal, poa,
                        performed_on, added_by, added_at)
                    VALUES (:id, :e, :p, :k, :s, :c, :d, :pr, :poa, :on, :by, now())""")
                    .param("id", line.id()).param("e", encounterId).param("p", pass.name())
                    .param("k", line.kind().name()).param("s", line.system().name()).param("c", line.code())
                    .param("d", line.description()).param("pr", line.principal())
                    .param("poa", line.poa() == null ? null : line.poa().name())
                    .param("on", line.performedOn() == null ? null : Date.valueOf(line.performedOn()))
                    .param("by", line.addedBy()).update();
        } catch (DuplicateKeyException e) {
            throw new CodingRefused(line.display() + " is already coded on this encounter");
        }
    }

    /** Removes a line; returns it, or null when the encounter has no such line in this pass. */
    CodedLine delete(UUID encounterId, CodingPass pass, UUID lineId) {
        CodedLine found = lines(encounterId, pass).stream().filter(l -> l.id().equals(lineId)).findFirst().orElse(null);
        if (found != null) {
            jdbc.sql("DELETE FROM coded_line WHERE id = :id").param("id", lineId).update();
        }
        return found;
    }

    void override(UUID encounterId, String reason, String edits, String actor) {
        jdbc.sql("""
                INSERT INTO coding_override (encounter_id, reason, edits, actor, occurred_at)
                VALUES (:e, :r, :ed, :a, now())""")
                .param("e", encounterId).param("r", reason).param("ed", edits).param("a", actor).update();
    }
}
