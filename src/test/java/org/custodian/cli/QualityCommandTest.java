package org.custodian.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.custodian.Custodian;
import org.custodian.privacy.NewUser;
import org.custodian.privacy.Role;
import org.custodian.privacy.UserAccounts;
import org.custodian.record.ClinicalDocument;
import org.custodian.record.DocumentStatus;
import org.custodian.record.DocumentType;
import org.custodian.record.DocumentVersion;
import org.custodian.record.Encounter;
import org.custodian.record.EncounterClass;
import org.custodian.record.Facility;
import org.custodian.record.FacilityRepository;
import org.custodian.record.FacilityType;
import org.custodian.record.Mrn;
import org.custodian.record.Patient;
import org.custodian.record.Practitioner;
import org.custodian.record.PractitionerRepository;
import org.custodian.record.Provenance;
import org.custodian.record.RecordWriter;
import org.custodian.record.Sex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.transaction.support.TransactionTemplate;
import picocli.CommandLine;

/** Runs {@code custodian quality scan --data DIR [--out FILE]} as a user would, on a data folder with one flawed chart. */
class QualityCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path data;

    @TempDir
    Path out;

    @Test
    void aScanWritesOneJsonObjectPerFindingAndReportsProgress() throws IOException {
        UUID patient = UUID.randomUUID();
        UUID encounter = UUID.randomUUID();
        UUID draft = UUID.randomUUID();
        try (Launcher.Running app = Launcher.start(data, Launcher.Mode.TASK, Map.of("custodian.quality.incremental", "false"))) {
            Facility hospital = app.bean(FacilityRepository.class).ensure(new Facility(UUID.randomUUID(), "QCLI",
                    "QCLI Hospital", FacilityType.HOSPITAL, "Lowell", "MA"));
            app.bean(PractitionerRepository.class).ensure(new Practitioner(UUID.randomUUID(), "1234567893", "Herman", "Doc"));
            app.bean(UserAccounts.class).createOrReset(new NewUser("herman.doc", "Herman Doc", "correct horse battery",
                    Set.of(Role.CLINICIAN), Set.of(hospital.id())), "test");
            Provenance prov = Provenance.now("test", null, "tester");
            Instant admit = Instant.now().minus(10, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
            app.bean(TransactionTemplate.class).executeWithoutResult(s -> app.bean(RecordWriter.class).batch()
                    .patient(new Patient(patient, "Ishmael", "Melville", LocalDate.of(1970, 1, 1), Sex.MALE,
                            new Patient.Address("1 Dock St", "Nantucket", "MA", "02554"), null, null), null, prov)
                    .identifier(patient, new Mrn(hospital.id(), "QCLI-1"))
                    .encounter(new Encounter(encounter, patient, hospital.id(), "QV1", EncounterClass.EMERGENCY, admit,
                            admit.plus(5, ChronoUnit.HOURS), null, "home", "fall"), prov)
                    .document(new ClinicalDocument(draft, patient, encounter, DocumentType.EMERGENCY_NOTE, null, admit,
                            List.of(new DocumentVersion(1, DocumentStatus.DRAFT, "ED note", "Fell on deck.", null, null,
                                    null, null, prov))))
                    .flush());
        }

        Path file = out.resolve("findings.jsonl");
        Result result = run("quality", "scan", "--data", data.toString(), "--out", file.toString());
        assertThat(result.code()).as(result.err()).isZero();
        assertThat(result.err()).contains("quality scan", "1 patients checked", "findings written to " + file);
        List<JsonNode> lines = Files.readAllLines(file).stream().map(QualityCommandTest::json).toList();
        assertThat(lines).extracting(l -> l.get("rule_id").asText())
                .containsExactlyInAnyOrder("ENCOUNTER_NO_ATTENDING", "DOCUMENT_UNSIGNED", "NOT_CODED");
        JsonNode unsigned = lines.stream().filter(l -> l.get("rule_id").asText().equals("DOCUMENT_UNSIGNED")).findFirst().orElseThrow();
        assertThat(unsigned.get("severity").asText()).isEqualTo("error");
        assertThat(unsigned.get("patient").asText()).isEqualTo(patient.toString());
        assertThat(unsigned.get("encounter").asText()).isEqualTo(encounter.toString());
        assertThat(unsigned.get("document").asText()).isEqualTo(draft.toString());
        assertThat(unsigned.get("location").asText()).startsWith("Document 'ED note'");
        assertThat(unsigned.get("message").asText()).startsWith("The document is not signed");

        Result again = run("quality", "scan", "--data", data.toString());
        assertThat(again.code()).isZero();
        assertThat(again.out().lines()).as("stored findings are not duplicated by a second scan").hasSize(3);
        assertThat(again.err()).contains("3 open findings (0 new, 0 resolved)");

        Result link = run("quality", "link-physician", "--user", "herman.doc", "--npi", "1234567893", "--data", data.toString());
        assertThat(link.code()).as(link.err()).isZero();
        assertThat(link.out()).contains("herman.doc now signs as Herman Doc (NPI 1234567893)");
        Result unknown = run("quality", "link-physician", "--user", "x.y", "--npi", "999", "--data", data.toString());
        assertThat(unknown.code()).isEqualTo(1);
        assertThat(unknown.err().strip()).isEqualTo("custodian quality link-physician: no practitioner has NPI '999'");
        Result noAccount = run("quality", "link-physician", "--user", "no.such", "--npi", "1234567893", "--data",
                data.toString());
        assertThat(noAccount.code()).isEqualTo(1);
        assertThat(noAccount.err().strip()).isEqualTo("custodian quality link-physician: no user account 'no.such'");
        try (Launcher.Running app = Launcher.start(data, Launcher.Mode.TASK, Map.of())) {
            assertThat(app.bean(UserAccounts.class).practitionerOf("herman.doc")).as("the account's one practitioner link")
                    .contains(app.bean(PractitionerRepository.class).byNpi("1234567893").orElseThrow().id());
        }
    }

    private static JsonNode json(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new AssertionError(line, e);
        }
    }

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Custodian.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    private record Result(int code, String out, String err) {
    }
}
