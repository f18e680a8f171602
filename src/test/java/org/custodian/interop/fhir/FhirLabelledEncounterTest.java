package org.custodian.interop.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.custodian.IntegrationTest;
import org.custodian.privacy.CustodianUser;
import org.custodian.privacy.LabelTarget;
import org.custodian.privacy.NewUser;
import org.custodian.privacy.Role;
import org.custodian.privacy.SensitivityLabel;
import org.custodian.privacy.SensitivityLabels;
import org.custodian.privacy.UserAccounts;
import org.custodian.record.ClinicalDocument;
import org.custodian.record.CodedValue;
import org.custodian.record.Diagnosis;
import org.custodian.record.DocumentStatus;
import org.custodian.record.DocumentType;
import org.custodian.record.DocumentVersion;
import org.custodian.record.Encounter;
import org.custodian.record.EncounterClass;
import org.custodian.record.Facility;
import org.custodian.record.FacilityRepository;
import org.custodian.record.FacilityType;
import org.custodian.record.Observation;
import org.custodian.record.Patient;
import org.custodian.record.Practitioner;
import org.custodian.record.PractitionerRepository;
import org.custodian.record.Procedure;
import org.custodian.record.Provenance;
import org.custodian.record.RecordFixtures;
import org.custodian.record.RecordWriter;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A Part 2 substance-use clinic visit labelled on the encounter (not the patient) is withheld through
 * every FHIR path, with its conditions, procedures, results and notes, from a user its label does not
 * admit, while the rest of the record stays open; the treating clinician sees it all; decisions are audited.
 * Writes count the same labels: a user the label keeps out may not update, DELETE or file new facts on it.
 */
@IntegrationTest
class FhirLabelledEncounterTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;
    @Autowired
    FacilityRepository facilities;
    @Autowired
    PractitionerRepository practitioners;
    @Autowired
    RecordWriter writer;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    UserAccounts accounts;
    @Autowired
    SensitivityLabels labels;
    @Autowired
    JdbcClient jdbc;

    Facility clinic;
    Patient patient;
    Visit plain;
    Visit part2;
    String coder;
    String attending;

    /** One visit's ids: the encounter and what was recorded in it. */
    record Visit(UUID encounter, UUID condition, UUID procedure, UUID observation, UUID document) {
        List<UUID> all() {
            return List.of(encounter, condition, procedure, observation, document);
        }
    }

    @BeforeEach
    void setUp() {
        String run = UUID.randomUUID().toString().substring(0, 6);
        RecordFixtures fixtures = new RecordFixtures(facilities, writer, tx);
        clinic = fixtures.facility("LBL" + run.toUpperCase(), FacilityType.HOSPITAL);
        patient = fixtures.patient("Lena", "Labelled" + run.replaceAll("[0-9-]", "x"), LocalDate.of(1977, 5, 6),
                clinic, "L" + run);
        Practitioner doctor = practitioners.ensure(new Practitioner(UUID.randomUUID(), null, "Sam", "Sober" + run));
        Instant then = Instant.now().minus(300, ChronoUnit.DAYS);
        plain = visit(then, then.plus(1, ChronoUnit.HOURS), null, "Annual check-up");
        part2 = visit(Instant.now().minus(2, ChronoUnit.DAYS), null, doctor.id(), "Opioid use disorder intake");
        coder = "lbl.coder." + run;
        attending = "lbl.attending." + run;
        FhirClients.user(accounts, coder, Role.CODER, clinic);
        FhirClients.user(accounts, attending, Role.CLINICIAN, clinic);
        accounts.linkPractitioner(attending, doctor.id(), "test");
        CustodianUser officer = accounts.createOrReset(new NewUser("lbl.officer." + run, "Officer", FhirClients.PASSWORD,
                Set.of(Role.PRIVACY_OFFICER), Set.of(clinic.id())), "test");
        labels.label(officer, patient.id(), LabelTarget.ENCOUNTER, part2.encounter(), SensitivityLabel.SUBSTANCE_USE_PART2);
    }

    @Test
    void readsOfTheLabelledVisitAndEverythingRecordedInItAreRefusedAndAudited() {
        IGenericClient client = FhirClients.signedIn(port, coder);
        assertThatThrownBy(() -> client.read().resource(org.hl7.fhir.r4.model.Encounter.class)
                .withId(part2.encounter().toString()).execute()).isInstanceOf(ForbiddenOperationException.class);
        assertThatThrownBy(() -> client.read().resource(Condition.class).withId(part2.condition().toString()).execute())
                .isInstanceOf(ForbiddenOperationException.class);
        assertThatThrownBy(() -> client.read().resource(org.hl7.fhir.r4.model.Procedure.class)
                .withId(part2.procedure().toString()).execute()).isInstanceOf(ForbiddenOperationException.class);
        assertThatThrownBy(() -> client.read().resource(org.hl7.fhir.r4.model.Observation.class)
                .withId(part2.observation().toString()).execute()).isInstanceOf(ForbiddenOperationException.class);
        assertThatThrownBy(() -> client.history().onInstance("Encounter/" + part2.encounter())
                .returnBundle(Bundle.class).execute()).isInstanceOf(ForbiddenOperationException.class);
        assertThat(client.read().resource(Condition.class).withId(plain.condition().toString()).execute()
                .getIdElement().getIdPart()).isEqualTo(plain.condition().toString());

        assertThat(jdbc.sql("""
                SELECT count(*) FROM audit_event WHERE username = :u AND outcome = 'DENIED' AND patient_id = :p
                   AND detail LIKE '%SUBSTANCE_USE_PART2%'""").param("u", coder).param("p", patient.id())
                .query(Long.class).single()).isEqualTo(5);
    }

    @Test
    void searchesAndIncludesLeaveTheLabelledVisitOutAndTheAuditSaysSo() {
        IGenericClient client = FhirClients.signedIn(port, coder);
        for (String type : List.of("Encounter", "Condition", "Procedure", "Observation", "DocumentReference")) {
            assertThat(ids(client.search().byUrl(type + "?patient=" + patient.id()).returnBundle(Bundle.class).execute()))
                    .as(type).containsAnyElementsOf(plain.all()).doesNotContainAnyElementsOf(part2.all());
        }
        Bundle withIncludes = client.search().byUrl("Encounter?patient=" + patient.id()
                + "&_revinclude=Condition:encounter&_revinclude=Observation:encounter&_revinclude=Procedure:encounter"
                + "&_revinclude=DocumentReference:encounter").returnBundle(Bundle.class).execute();
        assertThat(ids(withIncludes)).containsAll(plain.all()).doesNotContainAnyElementsOf(part2.all());
        Bundle forward = client.search().byUrl("Condition?patient=" + patient.id() + "&_include=Condition:encounter")
                .returnBundle(Bundle.class).execute();
        assertThat(ids(forward)).contains(plain.encounter()).doesNotContainAnyElementsOf(part2.all());
        Bundle fromPatient = client.search().byUrl("Patient?_id=" + patient.id() + "&_revinclude=Encounter:patient"
                + "&_revinclude=Condition:patient").returnBundle(Bundle.class).execute();
        assertThat(ids(fromPatient)).contains(plain.encounter(), plain.condition())
                .doesNotContainAnyElementsOf(part2.all());

        assertThat(jdbc.sql("""
                SELECT count(*) FROM audit_event WHERE username = :u AND resource_type = 'Condition'
                   AND patient_id = :p AND outcome = 'SUCCESS' AND detail LIKE '%1 labelled encounter(s)/document(s) withheld%'""")
                .param("u", coder).param("p", patient.id()).query(Long.class).single()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void everythingAndHistoryLeaveTheLabelledVisitOut() {
        IGenericClient client = FhirClients.signedIn(port, coder);
        Bundle everything = client.operation().onInstance("Patient/" + patient.id()).named("$everything")
                .withNoParameters(Parameters.class).returnResourceType(Bundle.class).execute();
        assertThat(ids(everything)).containsAll(plain.all()).doesNotContainAnyElementsOf(part2.all());
        Bundle history = client.history().onType("Condition").returnBundle(Bundle.class).count(500).execute();
        assertThat(ids(history)).doesNotContain(part2.condition());
    }

    @Test
    void theTreatingClinicianOnTheOpenVisitSeesItAll() {
        IGenericClient client = FhirClients.signedIn(port, attending);
        assertThat(client.read().resource(org.hl7.fhir.r4.model.Encounter.class).withId(part2.encounter().toString())
                .execute().getIdElement().getIdPart()).isEqualTo(part2.encounter().toString());
        Bundle everything = client.operation().onInstance("Patient/" + patient.id()).named("$everything")
                .withNoParameters(Parameters.class).returnResourceType(Bundle.class).execute();
        assertThat(ids(everything)).containsAll(plain.all()).containsAll(part2.all());
    }

    @Test
    void aBulkExportLeavesTheLabelledVisitOut() throws Exception {
        HttpResponse<String> kickOff = get("/fhir/Group/" + clinic.id() + "/$export", true);
        assertThat(kickOff.statusCode()).isEqualTo(202);
        JsonNode manifest = poll(kickOff.headers().firstValue("Content-Location").orElseThrow());
        List<String> exported = new ArrayList<>();
        for (JsonNode file : manifest.path("output")) {
            HttpResponse<String> ndjson = get(file.path("url").asText(), false);
            assertThat(ndjson.statusCode()).isEqualTo(200);
            exported.add(ndjson.body());
        }
        String all = String.join("\n", exported);
        plain.all().forEach(id -> assertThat(all).contains(id.toString()));
        part2.all().forEach(id -> assertThat(all).doesNotContain(id.toString()));
        assertThat(jdbc.sql("""
                SELECT count(*) FROM audit_event WHERE username = :u AND resource_type = 'Bulk $export'
                   AND patient_id = :p AND detail LIKE '%withheld%'""")
                .param("u", coder).param("p", patient.id()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void writesToTheLabelledVisitAreRefusedAndAuditedWhileThePlainVisitStaysWritable() {
        String director = coder.replace("lbl.coder.", "lbl.director.");
        FhirClients.user(accounts, director, Role.HIM_DIRECTOR, clinic);
        IGenericClient client = FhirClients.signedIn(port, director);
        for (String resource : List.of("Encounter/" + part2.encounter(), "Condition/" + part2.condition(),
                "Observation/" + part2.observation(), "DocumentReference/" + part2.document())) {
            String[] typeAndId = resource.split("/");
            assertThatThrownBy(() -> client.delete().resourceById(typeAndId[0], typeAndId[1]).execute())
                    .as("DELETE " + resource).isInstanceOf(ForbiddenOperationException.class);
        }
        Condition plainCondition = client.read().resource(Condition.class).withId(plain.condition().toString()).execute();
        Condition overPart2 = plainCondition.copy();
        overPart2.setIdElement(new org.hl7.fhir.r4.model.IdType("Condition", part2.condition().toString()));
        overPart2.getEncounter().setReference("Encounter/" + part2.encounter());
        assertThatThrownBy(() -> client.update().resource(overPart2).execute()).as("PUT the labelled visit's condition")
                .isInstanceOf(ForbiddenOperationException.class);
        Condition filedOnPart2 = plainCondition.copy();
        filedOnPart2.setId((String) null);
        filedOnPart2.getEncounter().setReference("Encounter/" + part2.encounter());
        assertThatThrownBy(() -> client.create().resource(filedOnPart2).execute())
                .as("POST a condition filed on the labelled visit").isInstanceOf(ForbiddenOperationException.class);

        assertThat(jdbc.sql("SELECT count(*) FROM diagnosis WHERE encounter_id = :e AND NOT entered_in_error")
                .param("e", part2.encounter()).query(Long.class).single()).as("nothing retracted or added").isEqualTo(1);
        assertThat(jdbc.sql("""
                SELECT count(*) FROM audit_event WHERE username = :u AND outcome = 'DENIED' AND patient_id = :p
                   AND detail LIKE '%SUBSTANCE_USE_PART2%'""").param("u", director).param("p", patient.id())
                .query(Long.class).single()).as("4 deletes, the update and the create").isEqualTo(6);

        client.delete().resourceById("Condition", plain.condition().toString()).execute();
        assertThat(jdbc.sql("SELECT entered_in_error FROM diagnosis WHERE id = :id").param("id", plain.condition())
                .query(Boolean.class).single()).isTrue();
    }

    private Visit visit(Instant admit, Instant discharge, UUID attendingId, String reason) {
        Provenance prov = Provenance.now("test", "labelled-visit", "tester");
        Visit v = new Visit(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        tx.executeWithoutResult(s -> writer.batch()
                .encounter(new Encounter(v.encounter(), patient.id(), clinic.id(), "V" + v.encounter().toString()
                        .substring(0, 8), EncounterClass.OUTPATIENT, admit, discharge, attendingId,
                        discharge == null ? null : "home", reason), prov)
                .diagnosis(new Diagnosis(v.condition(), patient.id(), v.encounter(),
                        new CodedValue("http://snomed.info/sct", "5602001", "Opioid abuse"), null, null, false, admit,
                        null), prov)
                .procedure(new Procedure(v.procedure(), patient.id(), v.encounter(),
                        new CodedValue("http://snomed.info/sct", "171207006", "Depression screening"), admit), prov)
                .observation(new Observation(v.observation(), patient.id(), v.encounter(), "2339-0", "Glucose",
                        BigDecimal.valueOf(101), null, "mg/dL", null, null, null, admit), prov)
                .document(new ClinicalDocument(v.document(), patient.id(), v.encounter(), DocumentType.PROGRESS_NOTE,
                        null, admit, List.of(new DocumentVersion(1, DocumentStatus.FINAL, reason, reason + " note.",
                        null, admit, null, null, prov))))
                .flush());
        return v;
    }

    private static List<UUID> ids(Bundle bundle) {
        return bundle.getEntry().stream().map(e -> (Resource) e.getResource())
                .map(r -> UUID.fromString(r.getIdElement().getIdPart())).toList();
    }

    private JsonNode poll(String statusUrl) throws Exception {
        for (int i = 0; i < 600; i++) {
            HttpResponse<String> status = get(statusUrl, false);
            if (status.statusCode() == 200) {
                return JSON.readTree(status.body());
            }
            assertThat(status.statusCode()).isEqualTo(202);
            Thread.sleep(200);
        }
        throw new AssertionError("export did not finish: " + statusUrl);
    }

    private HttpResponse<String> get(String pathOrUrl, boolean async) throws Exception {
        String url = pathOrUrl.startsWith("http") ? pathOrUrl : "http://localhost:" + port + pathOrUrl;
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url.replace("$", "%24")))
                .header("Accept", "application/fhir+json").header("Authorization", FhirClients.basic(coder));
        if (async) {
            request.header("Prefer", "respond-async");
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
