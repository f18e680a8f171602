package org.custodian.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.custodian.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.transaction.support.TransactionTemplate;

@IntegrationTest
@RecordApplicationEvents
class RecordEventsTest {
    @Autowired
    FacilityRepository facilities;
    @Autowired
    RecordWriter writer;
    @Autowired
    EncounterRepository encounters;
    @Autowired
    DocumentRepository documents;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    ApplicationEvents events;

    final Provenance prov = Provenance.now("test", null, "tester");

    @Test
    void aWrittenBatchNamesEveryPatientItTouched() {
        var fixtures = new RecordFixtures(facilities, writer, tx);
        Facility hospital = fixtures.facility("EVT1", FacilityType.HOSPITAL);
        Patient p = fixtures.patient("Ada", "Lovelace", LocalDate.of(1960, 1, 2), hospital, "E" + UUID.randomUUID());
        assertThat(events.stream(RecordChanged.class)).containsExactly(RecordChanged.of(p.id()));
    }

    @Test
    void aDischargeAnnouncesTheEncounterAndAChangedRecord() {
        var fixtures = new RecordFixtures(facilities, writer, tx);
        Facility hospital = fixtures.facility("EVT2", FacilityType.HOSPITAL);
        Patient p = fixtures.patient("Grace", "Hopper", LocalDate.of(1950, 3, 4), hospital, "E" + UUID.randomUUID());
        Instant admit = Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        Encounter open = new Encounter(UUID.randomUUID(), p.id(), hospital.id(), "OPEN-" + p.id(),
                EncounterClass.INPATIENT, admit, null, null, null, "fall");
        tx.executeWithoutResult(s -> writer.batch().encounter(open, prov).flush());
        events.clear();

        Instant out = admit.plus(20, ChronoUnit.HOURS);
        tx.executeWithoutResult(s -> encounters.discharge(open, out, "home", prov));

        assertThat(events.stream(EncounterDischarged.class))
                .containsExactly(new EncounterDischarged(open.id(), p.id(), hospital.id(), out));
        assertThat(events.stream(RecordChanged.class)).containsExactly(RecordChanged.of(p.id()));
    }

    @Test
    void signingADocumentIsARecordChange() {
        var fixtures = new RecordFixtures(facilities, writer, tx);
        Facility hospital = fixtures.facility("EVT3", FacilityType.HOSPITAL);
        Patient p = fixtures.patient("Alan", "Turing", LocalDate.of(1954, 6, 7), hospital, "E" + UUID.randomUUID());
        ClinicalDocument note = documents.forPatient(p.id()).getFirst();
        events.clear();
        documents.revise(note.id(), 1, "Corrected.", "typo", prov);
        assertThat(events.stream(RecordChanged.class)).containsExactly(RecordChanged.of(p.id()));
    }
}
