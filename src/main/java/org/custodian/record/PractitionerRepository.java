package org.custodian.record;

import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class PractitionerRepository {
    private final JdbcClient jdbc;

    public PractitionerRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds the practitioner, or returns the one already known by the same NPI. */
    public Practitioner ensure(Practitioner practitioner) {
        if (practitioner.npi() != null) {
            Optional<Practitioner> known = byNpi(practitioner.npi());
            if (known.isPresent()) {
                return known.get();
            }
        }
        jdbc.sql("INSERT INTO practitioner (id, npi, given, family) VALUES (:id, :npi, :given, :family) "
                        + "ON CONFLICT DO NOTHING")
                .param("id", practitioner.id()).param("npi", practitioner.npi())
                .param("given", practitioner.given()).param("family", practitioner.family())
                .update();
        return practitioner.npi() == null ? practitioner : byNpi(practitioner.npi()).orElseThrow();
    }

    public Optional<Practitioner> byNpi(String npi) {
        return jdbc.sql("SELECT * FROM practitioner WHERE npi = :npi").param("npi", npi)
                .query(PractitionerRepository::map).optional();
    }

    public Optional<Practitioner> find(UUID id) {
        return jdbc.sql("SELECT * FROM practitioner WHERE id = :id").param("id", id)
                .query(PractitionerRepository::map).optional();
    }

    /** The practitioner attending the most encounters, if any has: the demo's physician account signs as them. */
    public Optional<Practitioner> busiestAttending() {
        return jdbc.sql("""
                        SELECT p.* FROM practitioner p
                          JOIN (SELECT attending_id, count(*) AS n FROM encounter WHERE attending_id IS NOT NULL
                                 GROUP BY attending_id ORDER BY n DESC, attending_id LIMIT 1) busiest
                            ON busiest.attending_id = p.id""")
                .query(PractitionerRepository::map).optional();
    }

    private static Practitioner map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Practitioner(rs.getObject("id", UUID.class), rs.getString("npi"), rs.getString("given"),
                rs.getString("family"));
    }
}
