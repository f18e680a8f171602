package org.custodian.record;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.springframework.transaction.support.TransactionTemplate;

/** Builds small, real records in the test database through the record's own writers. */
public final class RecordFixtures {
    private final FacilityRepository facilities;
    private final RecordWriter writer;
    private final TransactionTemplate tx;

    public RecordFixtures(FacilityRepository facilities, RecordWriter writer, TransactionTemplate tx) {
        this.facilities = facilities;
        this.writer = writer;
        this.tx = tx;
    }

    public Facility facility(String code, FacilityType type) {
        return facilities.ensure(new Facility(UUID.randomUUID(), code, code + " " + type.label(), type, "Boston", "MA"));
    }

    /** A patient with an MRN at the given facility and one finished encounter there with a note and a lab. */
    public Patient patient(String given, String family, LocalDate birthDate, Facility at, String mrn) {
        Patient p = new Patient(UUID.randomUUID(), given, family, birthDate, Sex.FEMALE,
                new Patient.Address("1 Main St", "Boston", "MA", "02110"), "555-0100", null);
        Provenance prov = Provenance.now("test", "fixture", "tester");
        Instant admit = Instant.now().minus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        UUID encounterId = UUID.randomUUID();
        tx.executeWithoutResult(s -> writer.batch()
                .patient(p, "123-45-6789", prov)
                .identifier(p.id(), new Mrn(at.id(), mrn))
                .encounter(new Encounter(encounterId, p.id(), at.id(), "V" + mrn, EncounterClass.INPATIENT, admit,
                        admit.plus(2, ChronoUnit.DAYS), null, "home", "chest pain"), prov)
                .diagnosis(new Diagnosis(UUID.randomUUID(), p.id(), encounterId,
                        new CodedValue("http://hl7.org/fhir/sid/icd-10-cm", "I21.4", "NSTEMI"),
                        Diagnosis.PresentOnAdmission.Y, 1, true, admit, null), prov)
                .observation(new Observation(UUID.randomUUID(), p.id(), encounterId, "2160-0", "Creatinine",
                        new java.math.BigDecimal("2.1"), null, "mg/dL", new java.math.BigDecimal("0.6"),
                        new java.math.BigDecimal("1.2"), null, admit.plus(1, ChronoUnit.HOURS)), prov)
                .document(new ClinicalDocument(UUID.randomUUID(), p.id(), encounterId,
                        DocumentType.HISTORY_AND_PHYSICAL, null, admit, java.util.List.of(new DocumentVersion(1,
                        DocumentStatus.FINAL, "H&P", "Patient presents with chest pain.", null,
                        admit.plus(2, ChronoUnit.HOURS), null, null, prov))))
                .flush());
        return p;
    }
}
