package org.custodian.mpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.custodian.IntegrationTest;
import org.custodian.privacy.AuditQuery;
import org.custodian.privacy.AuditTrail;
import org.custodian.record.Facility;
import org.custodian.record.FacilityRepository;
import org.custodian.record.FacilityType;
import org.custodian.record.Patient;
import org.custodian.record.PatientRepository;
import org.custodian.record.RecordFixtures;
import org.custodian.record.RecordWriter;
import org.custodian.record.Sex;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

@IntegrationTest
class PatientMergesTest {
    @Autowired
    FacilityRepository facilities;
    @Autowired
    RecordWriter writer;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    PatientMerges merges;
    @Autowired
    PatientRepository patients;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    AuditTrail audit;

    final Actor reviewer = new Actor("him.director", "HIM_DIRECTOR", "127.0.0.1");

    @Test
    void mergeRepointsClinicalDataFillsGapsAndUnmergeRestoresEveryByte() {
        Facility hospital = new RecordFixtures(facilities, writer, tx).facility("MRG1", FacilityType.HOSPITAL);
        Patient retired = new RecordFixtures(facilities, writer, tx)
                .patient("Ada", "Lovelace", LocalDate.of(1960, 1, 2), hospital, "M-" + UUID.randomUUID());
        Patient survivor = new MpiFixtures(writer, tx).register("Ada", "Lovelace", LocalDate.of(1960, 1, 2),
                Sex.FEMALE, null, null, null, hospital, "S-" + UUID.randomUUID());
        String before = state(survivor.id(), retired.id());

        PatientMerges.Merge merge = merges.merge(survivor.id(), retired.id(), MergeSource.REVIEW, reviewer);

        assertThat(merge.active()).isTrue();
        assertThat(count("encounter", retired.id())).isZero();
        assertThat(count("encounter", survivor.id())).isEqualTo(1);
        assertThat(count("document", survivor.id())).isEqualTo(1);
        assertThat(count("observation", survivor.id())).isEqualTo(1);
        assertThat(patients.identifiers(retired.id())).isEmpty();
        assertThat(patients.identifiers(survivor.id())).hasSize(2);
        assertThat(patients.find(survivor.id()).orElseThrow().phone()).isEqualTo("555-0100");
        assertThat(patients.socialSecurityNumber(survivor.id())).contains("123-45-6789");
        assertThat(patients.find(retired.id())).as("the retired record is kept").isPresent();
        assertThatThrownBy(() -> merges.merge(survivor.id(), retired.id(), MergeSource.REVIEW, reviewer))
                .isInstanceOf(MergeRefused.class).hasMessageContaining("already merged");

        merges.unmerge(merge.id(), reviewer);

        assertThat(state(survivor.id(), retired.id())).isEqualTo(before);
        assertThat(merges.find(merge.id()).active()).isFalse();
        assertThatThrownBy(() -> merges.unmerge(merge.id(), reviewer)).hasMessageContaining("already undone");
        var trail = audit.search(new AuditQuery(null, survivor.id(), null, null, null, null, false, 0, 100));
        assertThat(trail.events()).extracting(e -> e.detail())
                .anyMatch(d -> d.startsWith("merge " + merge.id()))
                .anyMatch(d -> d.startsWith("unmerge " + merge.id()));
    }

    /** Both patient rows as stored, and which patient owns every clinical row and MRN of either. */
    private String state(UUID a, UUID b) {
        StringBuilder out = new StringBuilder();
        out.append(jdbc.sql("SELECT string_agg(row_to_json(p)::text, '\n' ORDER BY id) FROM patient p WHERE id IN (:a, :b)")
                .param("a", a).param("b", b).query(String.class).single());
        for (String table : List.of("encounter", "diagnosis", "procedure_performed", "observation", "document")) {
            out.append('\n').append(table).append(": ").append(jdbc.sql("SELECT coalesce(string_agg(id || '=' || patient_id, ',' ORDER BY id), '') FROM "
                    + table + " WHERE patient_id IN (:a, :b)").param("a", a).param("b", b).query(String.class).single());
        }
        out.append("\nmrn: ").append(jdbc.sql("SELECT string_agg(value || '=' || patient_id, ',' ORDER BY value) FROM patient_identifier WHERE patient_id IN (:a, :b)")
                .param("a", a).param("b", b).query(String.class).single());
        out.append("\nidentity: ").append(jdbc.sql("SELECT coalesce(string_agg(row_to_json(i)::text, ',' ORDER BY patient_id), '') FROM mpi_identity i WHERE patient_id IN (:a, :b)")
                .param("a", a).param("b", b).query(String.class).single());
        return out.toString();
    }

    private long count(String table, UUID patient) {
        return jdbc.sql("SELECT count(*) FROM " + table + " WHERE patient_id = :p").param("p", patient)
                .query(Long.class).single();
    }
}
