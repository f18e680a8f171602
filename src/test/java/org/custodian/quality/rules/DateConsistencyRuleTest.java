package org.custodian.quality.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Dates that contradict each other, on rows as stored, including rows other rules find incomplete. */
class DateConsistencyRuleTest {
    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    private final DateConsistencyRule rule = new DateConsistencyRule();

    @Test
    void aPatientWithoutBirthDateIsStillCheckedForOtherContradictionsAndDoesNotStopTheRule() {
        UUID patient = UUID.randomUUID();
        var row = new PatientFacts.PatientRow(patient, "Ann", "Nobirth", null, "F", null, null, null, null, null,
                Instant.parse("2020-01-01T00:00:00Z"));
        var backwards = new PatientFacts.EncounterRow(UUID.randomUUID(), patient, UUID.randomUUID(), "V1", "INPATIENT",
                Instant.parse("2019-05-02T00:00:00Z"), Instant.parse("2019-05-01T00:00:00Z"), null);
        var afterDeath = new PatientFacts.EncounterRow(UUID.randomUUID(), patient, UUID.randomUUID(), "V2", "OUTPATIENT",
                Instant.parse("2021-03-01T00:00:00Z"), null, null);
        var facts = new PatientFacts(row, List.of(), List.of(backwards, afterDeath), List.of(), List.of(), List.of(),
                List.of(), List.of());
        Findings out = new Findings(rule, patient);

        rule.check(facts, new RuleContext(NOW, null, null), out);

        assertThat(out.list()).extracting(f -> f.message()).containsExactlyInAnyOrder(
                "Discharged 2019-05-01T00:00:00Z, before the admission 2019-05-02T00:00:00Z.",
                "Admitted 2021-03-01T00:00:00Z, after the patient's death on 2020-01-01T00:00:00Z.");
    }
}
