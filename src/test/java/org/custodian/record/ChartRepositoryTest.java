package org.custodian.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.custodian.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

@IntegrationTest
class ChartRepositoryTest {
    @Autowired
    ChartRepository charts;
    @Autowired
    FacilityRepository facilities;
    @Autowired
    RecordWriter writer;
    @Autowired
    TransactionTemplate tx;

    @Test
    void aLongRecordShowsItsNewestVisitsFirstAndSaysHowManyMoreThereAre() {
        var fixtures = new RecordFixtures(facilities, writer, tx);
        Facility office = fixtures.facility("CHART-LONG", FacilityType.PHYSICIAN_OFFICE);
        Patient p = fixtures.patient("Lotta", "Visits", LocalDate.of(1940, 2, 2), office, "L1");
        Instant start = Instant.parse("2020-01-01T09:00:00Z");
        Provenance prov = Provenance.now("test", null, "tester");
        tx.executeWithoutResult(s -> {
            RecordWriter.Batch batch = writer.batch();
            for (int i = 0; i < 60; i++) {
                Instant admit = start.plus(i, ChronoUnit.DAYS);
                batch.encounter(new Encounter(UUID.randomUUID(), p.id(), office.id(), "LV" + i, EncounterClass.OUTPATIENT,
                        admit, admit.plus(1, ChronoUnit.HOURS), null, null, "visit " + i), prov);
            }
            batch.flush();
        });

        PatientChart recent = charts.chart(p.id(), ChartScope.RECENT).orElseThrow();
        assertThat(recent.encounters()).hasSize(15);
        assertThat(recent.totals().encounters()).isEqualTo(61);
        assertThat(recent.isAbridged()).isTrue();
        assertThat(recent.encounters().getFirst().reason()).isEqualTo("chest pain");
        assertThat(recent.encounters().get(1).reason()).isEqualTo("visit 59");

        PatientChart full = charts.chart(p.id(), ChartScope.FULL).orElseThrow();
        assertThat(full.encounters()).hasSize(61);
        assertThat(full.isAbridged()).isFalse();
    }
}
