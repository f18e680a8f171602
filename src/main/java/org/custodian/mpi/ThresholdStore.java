package org.custodian.mpi;

import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Each facility's match thresholds; {@link Thresholds#DEFAULT} where a facility has set none. */
@Repository
public class ThresholdStore {
    private final JdbcClient jdbc;

    ThresholdStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Thresholds forFacility(UUID facilityId) {
        if (facilityId == null) {
            return Thresholds.DEFAULT;
        }
        return jdbc.sql("SELECT auto_link, review FROM mpi_threshold WHERE facility_id = :f").param("f", facilityId)
                .query((rs, i) -> new Thresholds(rs.getDouble(1), rs.getDouble(2))).optional().orElse(Thresholds.DEFAULT);
    }

    public void set(UUID facilityId, Thresholds thresholds) {
        jdbc.sql("""
                INSERT INTO mpi_threshold (facility_id, auto_link, review) VALUES (:f, :a, :r)
                ON CONFLICT (facility_id) DO UPDATE SET auto_link = :a, review = :r""")
                .param("f", facilityId).param("a", thresholds.autoLink()).param("r", thresholds.review()).update();
    }
}
