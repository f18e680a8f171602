package org.custodian.record;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class FacilityRepository {
    private final JdbcClient jdbc;

    public FacilityRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds the facility, or returns the one already registered under the same code. */
    public Facility ensure(Facility facility) {
        jdbc.sql("""
                INSERT INTO facility (id, code, name, type, city, state)
                VALUES (:id, :code, :name, :type, :city, :state)
                ON CONFLICT (code) DO NOTHING""")
                .param("id", facility.id())
                .param("code", facility.code())
                .param("name", facility.name())
                .param("type", facility.type().name())
                .param("city", facility.city())
                .param("state", facility.state())
                .update();
        return byCode(facility.code()).orElseThrow();
    }

    public Optional<Facility> byCode(String code) {
        return jdbc.sql("SELECT * FROM facility WHERE code = :code").param("code", code)
                .query(FacilityRepository::map).optional();
    }

    public Optional<Facility> find(UUID id) {
        return jdbc.sql("SELECT * FROM facility WHERE id = :id").param("id", id)
                .query(FacilityRepository::map).optional();
    }

    public List<Facility> all() {
        return jdbc.sql("SELECT * FROM facility ORDER BY name").query(FacilityRepository::map).list();
    }

    public List<Facility> byIds(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT * FROM facility WHERE id IN (:ids) ORDER BY name").param("ids", ids)
                .query(FacilityRepository::map).list();
    }

    private static Facility map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Facility(rs.getObject("id", UUID.class), rs.getString("code"), rs.getString("name"),
                FacilityType.valueOf(rs.getString("type")), rs.getString("city"), rs.getString("state"));
    }
}
