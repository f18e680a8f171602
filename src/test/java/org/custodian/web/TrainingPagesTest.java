package org.custodian.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.custodian.IntegrationTest;
import org.custodian.coding.CodingFixtures;
import org.custodian.privacy.Role;
import org.custodian.record.Facility;
import org.custodian.training.TrainingSandbox;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * The training screens over real HTTP, and the sandbox's isolation: a trainee cannot open a real
 * facility's patient (web or FHIR) nor break the glass, and sandbox encounters stay out of a real
 * coder's queue even when the coder also belongs to the sandbox.
 */
@IntegrationTest
class TrainingPagesTest {
    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    TrainingSandbox sandbox;
    @TempDir
    Path codeSets;

    private final String run = UUID.randomUUID().toString().substring(0, 6);
    private CodingFixtures coding;
    private Facility hospital;
    private Facility training;

    @BeforeEach
    void facilities() {
        coding = CodingFixtures.of(context);
        coding.loadCodeSets(codeSets);
        hospital = coding.hospital("TP-H-" + run.toUpperCase(java.util.Locale.ROOT));
        training = sandbox.ensureFacility();
    }

    @Test
    void aTraineeCannotOpenARealPatientOnTheWebOrOverFhirNorBreakTheGlass() throws Exception {
        WebFixtures.Chart real = WebFixtures.of(context).chart("Rosalind", "Realchart" + run, LocalDate.of(1961, 2, 3),
                hospital, "TP-" + run);
        // even an account listing the real facility by mistake is scoped to the sandbox
        coding.user("tp.trainee." + run, Role.TRAINEE, hospital, training);
        WebSession trainee = WebSession.signedIn(port, "tp.trainee." + run, CodingFixtures.PASSWORD);

        WebSession.Page chart = trainee.get("/patients/" + real.id());
        assertThat(chart.status()).isEqualTo(403);
        assertThat(chart.body()).doesNotContain("Realchart" + run).doesNotContain("id=\"break-glass\"");
        assertThat(trainee.get("/patients?name=Realchart" + run).body()).doesNotContain("Rosalind");

        HttpResponse<String> fhir = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/fhir/Patient/" + real.id()))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        ("tp.trainee." + run + ":" + CodingFixtures.PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .header("Accept", "application/fhir+json").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(fhir.statusCode()).isEqualTo(403);
        assertThat(fhir.body()).doesNotContain("Realchart" + run);
    }

    @Test
    void aRealCodersQueueDoesNotShowSandboxEncounters() {
        CodingFixtures.Stay real = coding.stay(hospital, "Quentin", "Realqueue" + run, "TPR-" + run);
        CodingFixtures.Stay synthetic = coding.stay(training, "Sandy", "Sandqueue" + run, "TPS-" + run);
        coding.user("tp.coder." + run, Role.CODER, hospital, training);
        WebSession coder = WebSession.signedIn(port, "tp.coder." + run, CodingFixtures.PASSWORD);

        String queue = coder.get("/coding").body();
        assertThat(queue).contains("Realqueue" + run).doesNotContain("Sandqueue" + run);
        assertThat(real.encounterId()).isNotEqualTo(synthetic.encounterId());
    }

    @Test
    void aTrainerBuildsAndAssignsASetAndATraineeStartsAndSubmitsIt() {
        CodingFixtures.Stay stay = coding.stay(training, "Tamsin", "Trainpage" + run, "TPT-" + run);
        coding.user("tp.trainer." + run, Role.TRAINER);
        coding.user("tp.learner." + run, Role.TRAINEE);
        WebSession trainer = WebSession.signedIn(port, "tp.trainer." + run, CodingFixtures.PASSWORD);

        assertThat(trainer.get("/training/sets").body()).contains("New exercise set", "sandbox-patients");
        WebSession.Page created = trainer.postWithToken("/training/sets",
                Map.of("name", "Set " + run, "topic", "Respiratory", "difficulty", "BEGINNER"));
        assertThat(created.location()).contains("/training/sets/");
        String setPath = URI.create(created.location()).getPath();
        assertThat(trainer.get(setPath + "/exercises/new").body()).contains("Trainpage" + run);
        WebSession.Page form = trainer.get(setPath + "/exercises/new?encounter=" + stay.encounterId());
        assertThat(form.status()).isEqualTo(200);
        WebSession.Page bad = trainer.postWithToken(setPath + "/exercises", Map.of("encounter",
                stay.encounterId().toString(), "title", "Stay", "key", "dx J18.9 Y\nzz E11.9"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("Answer key line 2 (zz E11.9)");
        WebSession.Page added = trainer.postWithToken(setPath + "/exercises", Map.of("encounter",
                stay.encounterId().toString(), "title", "Pneumonia stay", "key", "dx J18.9 Y principal\ndx E11.9 Y"));
        assertThat(added.location()).contains("?added");
        trainer.get(setPath);
        assertThat(trainer.postWithToken(setPath + "/assignments", Map.of("trainee", "tp.trainer." + run)).body())
                .contains("is not a trainee");
        assertThat(trainer.postWithToken(setPath + "/assignments", Map.of("trainee", "tp.learner." + run)).location())
                .contains("?assigned");

        WebSession learner = WebSession.signedIn(port, "tp.learner." + run, CodingFixtures.PASSWORD);
        String home = learner.get("/training").body();
        assertThat(home).contains("Set " + run, "Pneumonia stay", "Release of information", "Duplicate review");
        assertThat(learner.get(setPath).status()).as("trainees do not manage sets").isEqualTo(403);
        String start = home.substring(home.indexOf("/training/exercises/"), home.indexOf("/start") + "/start".length());
        WebSession.Page started = learner.postWithToken(start, Map.of());
        assertThat(started.location()).contains("/coding/");
        assertThat(learner.get(URI.create(started.location()).getPath()).body()).contains("Trainpage" + run);
        String mine = learner.get("/training").body();
        String submit = mine.substring(mine.indexOf("/training/attempts/"), mine.indexOf("/submit") + "/submit".length());
        WebSession.Page early = learner.postWithToken(submit, Map.of());
        assertThat(early.status()).isEqualTo(400);
        assertThat(early.body()).contains("Code the encounter in the coding screen before submitting it");

        String walkthrough = learner.get("/training/walkthroughs/release-of-information").body();
        assertThat(walkthrough).contains("Log the request", "0 of 4 steps done");
        learner.postWithToken("/training/walkthroughs/release-of-information/steps/1", Map.of());
        assertThat(learner.get("/training/walkthroughs/release-of-information").body()).contains("1 of 4 steps done");
        assertThat(learner.get("/training/walkthroughs/nothing").status()).isEqualTo(404);
    }
}
