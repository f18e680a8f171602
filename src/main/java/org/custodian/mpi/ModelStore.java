package org.custodian.mpi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.Optional;
import org.custodian.mpi.matching.MatchModel;
import org.custodian.mpi.matching.TermFrequencies;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Keeps the m/u tables the last scan estimated, so real-time matching scores with the same model. */
@Repository
class ModelStore {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JdbcClient jdbc;

    ModelStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record StoredModel(double lambda, double[][] m, double[][] u, double matchesPerRecord) {
    }

    void save(MatchModel model, long records) {
        try {
            String text = JSON.writeValueAsString(new StoredModel(model.lambda(), model.mTable(), model.uTable(),
                    model.matchesPerRecord()));
            jdbc.sql("INSERT INTO mpi_model (records, model) VALUES (:n, :m::jsonb)")
                    .param("n", records).param("m", text).update();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the model cannot be written as JSON", e);
        }
    }

    Optional<MatchModel> latest(TermFrequencies frequencies) {
        return jdbc.sql("SELECT model::text FROM mpi_model ORDER BY id DESC LIMIT 1").query(String.class).optional()
                .map(text -> {
                    try {
                        StoredModel stored = JSON.readValue(text, StoredModel.class);
                        // a model stored before matchesPerRecord was kept reads 0: no prior, thresholds by weight alone
                        return new MatchModel(stored.m(), stored.u(), stored.lambda(), stored.matchesPerRecord(),
                                frequencies);
                    } catch (JsonProcessingException e) {
                        throw new IllegalStateException("stored MPI model is unreadable", e);
                    }
                });
    }

    /** Name and birth-date frequencies over the whole index, for term-frequency adjustment. */
    TermFrequencies frequencies() {
        Map<String, Integer> given = new java.util.HashMap<>();
        Map<String, Integer> family = new java.util.HashMap<>();
        long records = jdbc.sql("SELECT count(*) FROM patient").query(Long.class).single();
        if (records < TermFrequencies.MIN_RECORDS) {
            return TermFrequencies.none();
        }
        jdbc.sql("SELECT lower(given), count(*) FROM patient GROUP BY 1").query(rs -> {
            given.put(org.custodian.record.NameFolding.fold(rs.getString(1)), rs.getInt(2));
        });
        jdbc.sql("SELECT lower(family), count(*) FROM patient GROUP BY 1").query(rs -> {
            family.put(org.custodian.record.NameFolding.fold(rs.getString(1)), rs.getInt(2));
        });
        Map<java.time.LocalDate, Integer> birthDates = new java.util.HashMap<>();
        jdbc.sql("SELECT birth_date, count(*) FROM patient WHERE birth_date IS NOT NULL GROUP BY 1").query(rs -> {
            birthDates.put(rs.getObject(1, java.time.LocalDate.class), rs.getInt(2));
        });
        return new TermFrequencies(given, family, birthDates, records);
    }
}
