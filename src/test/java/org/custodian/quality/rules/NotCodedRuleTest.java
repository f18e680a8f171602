package org.custodian.quality.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.custodian.quality.Finding;
import org.custodian.quality.QualityProperties;
import org.junit.jupiter.api.Test;

/** "Coded" is the coding case's status when there is a case; the record's diagnoses only when there is none. */
class NotCodedRuleTest {
    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    private static final String ICD10CM = "http://hl7.org/fhir/sid/icd-10-cm";
    private final NotCodedRule rule = new NotCodedRule();
    private final UUID patient = UUID.randomUUID();

    @Test
    void aFinalisedCaseIsCodedAndAnAuditedOneToo() {
        assertThat(check(inpatient("CODED"), true)).isEmpty();
        assertThat(check(inpatient("AUDITED"), true)).isEmpty();
    }

    @Test
    void aCaseOnHoldIsNotCodedEvenWithDiagnosesInTheRecord() {
        assertThat(check(inpatient("ON_HOLD_QUERY"), true)).singleElement()
                .satisfies(f -> assertThat(f.message()).startsWith("Discharged 8 days ago (2026-11-17) and its coding"
                        + " is on hold for a physician query; coding was due after 4 days."));
    }

    @Test
    void aCaseToCodeOrInProgressIsNotCodedWhateverTheRecordHolds() {
        assertThat(check(inpatient("TO_CODE"), true)).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("its coding has not started"));
        assertThat(check(inpatient("IN_PROGRESS"), true)).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("its coding is still in progress"));
    }

    @Test
    void withoutACaseAnIcd10DiagnosisOnTheEncounterCountsAsCoded() {
        assertThat(check(inpatient(null), true)).isEmpty();
        assertThat(check(inpatient(null), false)).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("still has no ICD-10-CM diagnosis"));
    }

    @Test
    void anOpenCaseIsNotLateBeforeTheDueDays() {
        PatientFacts.EncounterRow recent = new PatientFacts.EncounterRow(UUID.randomUUID(), patient, UUID.randomUUID(),
                "V2", "INPATIENT", NOW.minus(5, ChronoUnit.DAYS), NOW.minus(2, ChronoUnit.DAYS), null, "ON_HOLD_QUERY");
        assertThat(check(recent, false)).isEmpty();
    }

    private PatientFacts.EncounterRow inpatient(String codingStatus) {
        return new PatientFacts.EncounterRow(UUID.randomUUID(), patient, UUID.randomUUID(), "V1", "INPATIENT",
                NOW.minus(10, ChronoUnit.DAYS), NOW.minus(8, ChronoUnit.DAYS), null, codingStatus);
    }

    private List<Finding> check(PatientFacts.EncounterRow encounter, boolean withIcd10Diagnosis) {
        List<PatientFacts.DiagnosisRow> diagnoses = new ArrayList<>();
        if (withIcd10Diagnosis) {
            diagnoses.add(new PatientFacts.DiagnosisRow(UUID.randomUUID(), encounter.id(), patient, ICD10CM, "J18.9",
                    "Pneumonia, unspecified organism", null));
        }
        PatientFacts facts = new PatientFacts(new PatientFacts.PatientRow(patient, "Ann", "Coded", null, "F", null, null,
                null, null, null, null), List.of(), List.of(encounter), diagnoses, List.of(), List.of(), List.of(), List.of());
        Findings out = new Findings(rule, patient);
        rule.check(facts, new RuleContext(NOW, QualityProperties.defaults(), null), out);
        return out.list();
    }
}
