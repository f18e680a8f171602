package org.custodian.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.UUID;
import org.custodian.IntegrationTest;
import org.custodian.record.RecordVersions.Fact;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.transaction.support.TransactionTemplate;

@IntegrationTest
@RecordApplicationEvents
class RecordRetractionsTest {
    @Autowired
    RecordRetractions retractions;
    @Autowired
    ClinicalQueries queries;
    @Autowired
    ChartRepository charts;
    @Autowired
    FacilityRepository facilities;
    @Autowired
    RecordWriter writer;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    ApplicationEvents events;

    private final Provenance byClerk = Provenance.now("HIM correction", "ticket 42", "clerk");

    private Patient patient(String family) {
        var fixtures = new RecordFixtures(facilities, writer, tx);
        Facility hospital = fixtures.facility("RETRACT-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(),
                FacilityType.HOSPITAL);
        return fixtures.patient("Reta", family, LocalDate.of(1970, 5, 6), hospital, "R" + UUID.randomUUID());
    }

    @Test
    void aRetractedDiagnosisLeavesTheChartAndSearchesButStaysInTheRecordWithWhoAndWhy() {
        Patient p = patient("Diagnosis");
        Diagnosis diagnosis = queries.diagnoses(p.id(), ClinicalQueries.Filter.NONE).getFirst();
        events.clear();

        var made = tx.execute(s -> retractions.retract(Fact.DIAGNOSIS, diagnosis.id(), "wrong patient's problem list",
                byClerk)).orElseThrow();

        assertThat(made.version()).as("the retraction is the fact's second version").isEqualTo(2);
        assertThat(made.provenance().recordedBy()).isEqualTo("clerk");
        assertThat(made.reason()).isEqualTo("wrong patient's problem list");
        assertThat(queries.diagnoses(p.id(), ClinicalQueries.Filter.NONE)).isEmpty();
        assertThat(charts.chart(p.id(), ChartScope.FULL).orElseThrow().diagnoses()).isEmpty();
        assertThat(queries.diagnosis(diagnosis.id())).as("the row itself is never deleted").contains(diagnosis);
        assertThat(retractions.find(diagnosis.id())).contains(made);
        assertThat(events.stream(RecordChanged.class)).containsExactly(RecordChanged.of(p.id()));
    }

    @Test
    void retractingTwiceKeepsTheFirstRetraction() {
        Patient p = patient("Twice");
        Observation lab = queries.observations(p.id(), ClinicalQueries.Filter.NONE).getFirst();
        tx.execute(s -> retractions.retract(Fact.OBSERVATION, lab.id(), "mislabelled specimen", byClerk));

        var again = tx.execute(s -> retractions.retract(Fact.OBSERVATION, lab.id(), "again",
                Provenance.now("other", null, "someone-else")));

        assertThat(again).isEmpty();
        assertThat(retractions.find(lab.id()).orElseThrow().reason()).isEqualTo("mislabelled specimen");
        assertThat(charts.chart(p.id(), ChartScope.FULL).orElseThrow().totals().observations()).isZero();
    }

    @Test
    void aRetractedEncounterLeavesTheVisitListOnly() {
        Patient p = patient("Encounter");
        Encounter visit = queries.encounters(p.id(), ClinicalQueries.Filter.NONE).getFirst();

        tx.execute(s -> retractions.retract(Fact.ENCOUNTER, visit.id(), "registered twice", byClerk));

        assertThat(queries.encounters(p.id(), ClinicalQueries.Filter.NONE)).isEmpty();
        assertThat(retractions.among(java.util.List.of(visit.id(), UUID.randomUUID())))
                .extracting(RecordRetractions.Retraction::factId).containsExactly(visit.id());
        assertThat(retractions.ofKind(Fact.ENCOUNTER, byClerk.receivedAt().minusSeconds(1), 10_000))
                .extracting(RecordRetractions.Retraction::factId).contains(visit.id());
    }

    @Test
    void anUnknownFactOrAMissingReasonIsRefused() {
        assertThatThrownBy(() -> tx.execute(s -> retractions.retract(Fact.PROCEDURE, UUID.randomUUID(), "x", byClerk)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no procedure_performed");
        assertThatThrownBy(() -> retractions.retract(Fact.PROCEDURE, UUID.randomUUID(), " ", byClerk))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reason");
    }
}
