package org.custodian.interop.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.custodian.interop.fhir.TestBundles.bundle;
import static org.custodian.interop.fhir.TestBundles.condition;
import static org.custodian.interop.fhir.TestBundles.patient;

import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.custodian.IntegrationTest;
import org.custodian.privacy.CustodianUser;
import org.custodian.privacy.LabelTarget;
import org.custodian.privacy.NewUser;
import org.custodian.privacy.Role;
import org.custodian.privacy.SensitivityLabel;
import org.custodian.privacy.SensitivityLabels;
import org.custodian.record.Encounter;
import org.custodian.record.EncounterClass;
import org.custodian.record.Facility;
import org.custodian.record.FacilityType;
import org.custodian.record.Patient;
import org.custodian.record.Provenance;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A transaction bundle is decided entry by entry inside its one database transaction. When one entry is
 * refused (a condition filed on a 42 CFR Part 2 visit the user may not write to) the whole bundle is
 * answered 403 with an OperationOutcome naming the entry and nothing is stored, yet the refusal stays in
 * the audit trail although the transaction that decided it rolled back, linked into the hash chain after
 * the events committed before it.
 */
@IntegrationTest
class FhirTransactionRefusalAuditTest {
    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    SensitivityLabels labels;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aRefusedEntryRefusesTheBundleStoresNothingAndItsRefusalStaysInTheChain() {
        FhirTestBed bed = new FhirTestBed(context, port);
        String run = UUID.randomUUID().toString().substring(0, 6);
        Facility clinic = bed.records().facility("TRA" + run.toUpperCase(), FacilityType.HOSPITAL);
        Patient patient = bed.records().patient("Tara", "Refused" + run.replaceAll("[0-9-]", "x"),
                LocalDate.of(1981, 2, 3), clinic, "T" + run);
        UUID plain = visit(bed, clinic, patient, "Annual check-up");
        UUID part2 = visit(bed, clinic, patient, "Opioid use disorder intake");
        CustodianUser officer = bed.accounts().createOrReset(new NewUser("tra.officer." + run, "Officer",
                FhirClients.PASSWORD, Set.of(Role.PRIVACY_OFFICER), Set.of(clinic.id())), "test");
        labels.label(officer, patient.id(), LabelTarget.ENCOUNTER, part2, SensitivityLabel.SUBSTANCE_USE_PART2);
        String director = "tra.director." + run;
        bed.user(director, Role.HIM_DIRECTOR, clinic);

        String allowed = UUID.randomUUID().toString();
        String refused = UUID.randomUUID().toString();
        String json = bundle(filedOn(allowed, patient.id(), plain), filedOn(refused, patient.id(), part2)).toString();
        assertThatThrownBy(() -> bed.signedIn(director).transaction().withBundle(json).execute())
                .isInstanceOfSatisfying(ForbiddenOperationException.class, e -> {
                    var issue = ((OperationOutcome) e.getOperationOutcome()).getIssueFirstRep();
                    assertThat(issue.getCode()).isEqualTo(OperationOutcome.IssueType.FORBIDDEN);
                    assertThat(issue.getDiagnostics()).contains("access denied");
                    assertThat(issue.getExpression().getFirst().getValue()).startsWith("Bundle.entry[1]");
                });

        assertThat(jdbc.sql("SELECT count(*) FROM diagnosis WHERE encounter_id IN (:plain, :part2)")
                .param("plain", plain).param("part2", part2).query(Long.class).single())
                .as("the allowed entry rolled back with the refused one").isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE username = :u AND outcome = 'SUCCESS'"
                        + " AND action = 'CREATE' AND patient_id = :p").param("u", director).param("p", patient.id())
                .query(Long.class).single()).as("the allowed entry's event rolled back with it").isZero();
        Map<String, Object> refusal = jdbc.sql("""
                SELECT seq, prev_hash, detail FROM audit_event WHERE username = :u AND outcome = 'DENIED'
                   AND action = 'CREATE' AND patient_id = :p AND resource_type = 'Condition'""")
                .param("u", director).param("p", patient.id()).query().singleRow();
        assertThat((String) refusal.get("detail")).contains("SUBSTANCE_USE_PART2");
        assertThat(jdbc.sql("SELECT hash FROM audit_event WHERE seq = :s")
                .param("s", ((Number) refusal.get("seq")).longValue() - 1).query(String.class).single())
                .as("linked to the event committed before it").isEqualTo(refusal.get("prev_hash"));
    }

    @Test
    void aRoleThatMayNotLoadRecordsIsRefusedAtTheBundleDoorAndTheRefusalIsAudited() {
        FhirTestBed bed = new FhirTestBed(context, port);
        String run = UUID.randomUUID().toString().substring(0, 6);
        Facility clinic = bed.records().facility("TRB" + run.toUpperCase(), FacilityType.HOSPITAL);
        String coder = "trb.coder." + run;
        bed.user(coder, Role.CODER, clinic);
        String synthea = bundle(patient(UUID.randomUUID().toString(), "Rita", "Refused" + run)).toString();
        assertThatThrownBy(() -> bed.signedIn(coder).transaction().withBundle(synthea).execute())
                .isInstanceOf(ForbiddenOperationException.class);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE username = :u AND outcome = 'DENIED'"
                + " AND resource_type = 'Bundle'").param("u", coder).query(Long.class).single()).isEqualTo(1);
    }

    private static ObjectNode filedOn(String id, UUID patientId, UUID encounterId) {
        ObjectNode c = condition(id, patientId.toString(), encounterId.toString(), "44054006", "Diabetes",
                "2024-03-01T09:00:00-05:00");
        c.putObject("subject").put("reference", "Patient/" + patientId);
        c.putObject("encounter").put("reference", "Encounter/" + encounterId);
        return c;
    }

    private static UUID visit(FhirTestBed bed, Facility clinic, Patient patient, String reason) {
        UUID id = UUID.randomUUID();
        Instant admit = Instant.now().minus(10, ChronoUnit.DAYS);
        bed.tx().executeWithoutResult(s -> bed.writer().batch().encounter(new Encounter(id, patient.id(), clinic.id(),
                "V" + id.toString().substring(0, 8), EncounterClass.OUTPATIENT, admit, admit.plus(1, ChronoUnit.HOURS),
                null, "home", reason), Provenance.now("test", "refusal-audit", "tester")).flush());
        return id;
    }
}
