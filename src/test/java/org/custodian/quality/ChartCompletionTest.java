package org.custodian.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.custodian.IntegrationTest;
import org.custodian.privacy.CustodianUser;
import org.custodian.privacy.CustodianUserDetailsService;
import org.custodian.privacy.NewUser;
import org.custodian.privacy.Role;
import org.custodian.privacy.UserAccounts;
import org.custodian.quality.QualityFixtures.Chart;
import org.custodian.record.DocumentType;
import org.custodian.record.Facility;
import org.custodian.record.Practitioner;
import org.custodian.quality.rules.Findings;
import org.custodian.quality.rules.PatientFacts;
import org.custodian.quality.rules.Rule;
import org.custodian.quality.rules.RuleContext;
import org.custodian.quality.rules.Rules;
import org.custodian.terminology.CodeValidation;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Chart completion end to end on real data: a change is re-checked on its own (the record event),
 * the physician's queue and notices show the deficiency, signing closes it, escalation follows the
 * policy days, delinquency counts in the scorecard, and a failing rule neither stops nor undoes a scan.
 */
@IntegrationTest
class ChartCompletionTest {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @Autowired
    ApplicationContext context;
    @Autowired
    ChartCompletion completion;
    @Autowired
    QualityFindings findings;
    @Autowired
    PhysicianNotifier notifier;
    @Autowired
    NotificationRepository notifications;
    @Autowired
    Scorecards scorecards;
    @Autowired
    FactsRepository facts;
    @Autowired
    FindingRepository findingStore;
    @Autowired
    TransactionTemplate tx;

    @Test
    void aDraftIsFoundOnItsOwnThePhysicianSignsItAndTheDeficiencyCloses() {
        QualityFixtures fixtures = new QualityFixtures(context);
        Facility hospital = fixtures.hospital("QCC1");
        Practitioner doctor = fixtures.physician("Ada", "Signer");
        Chart c = fixtures.cleanInpatient(hospital, doctor, 10);
        c.withoutDocument(DocumentType.DISCHARGE_SUMMARY);
        c.documents.add(QualityFixtures.note(c, DocumentType.DISCHARGE_SUMMARY, "Discharge summary",
                c.encounter.dischargeAt(), doctor, false, "Discharged home."));
        fixtures.write(c);
        Eventually.within(WAIT, "the draft is found by the record-change listener", () -> open(c, "DOCUMENT_UNSIGNED") == 1);

        CustodianUser physician = user("qcc1.doctor", Role.CLINICIAN, hospital);
        completion.linkPhysician(physician.getUsername(), doctor.id(), "test");
        assertThat(context.getBean(UserAccounts.class).practitionerOf(physician.getUsername()))
                .as("one link: the account's own practitioner, as transcription and the access policy see it")
                .contains(doctor.id());
        ChartCompletion.PhysicianQueue queue = completion.physicianQueue(physician).orElseThrow();
        assertThat(queue.deficiencies()).singleElement().satisfies(d -> {
            assertThat(d.action()).isEqualTo("Sign");
            assertThat(d.patientName()).isEqualTo("Hester Prynne");
            assertThat(d.delinquent()).isFalse();
        });
        assertThat(queue.notifications()).singleElement().satisfies(n -> {
            assertThat(n.level()).isEqualTo(1);
            assertThat(n.message()).startsWith("Visit " + c.encounter.visitNumber() + ": The document is not signed");
        });

        CustodianUser analyst = user("qcc1.analyst", Role.CODER, hospital);
        ChartCompletion.AnalystQueue work = completion.analystQueue(analyst, false);
        assertThat(work.charts()).filteredOn(ch -> ch.encounterId().equals(c.encounter.id())).singleElement()
                .satisfies(ch -> {
                    assertThat(ch.status()).isEqualTo(CompletionStatus.INCOMPLETE);
                    assertThat(work.of(ch)).extracting(Deficiency::location).singleElement().asString()
                            .startsWith("Document 'Discharge summary'");
                });

        completion.sign(physician, queue.deficiencies().getFirst().findingId());
        Eventually.within(WAIT, "the signed document's deficiency resolves itself", () -> open(c, "DOCUMENT_UNSIGNED") == 0);
        assertThat(completion.physicianQueue(physician).orElseThrow().deficiencies()).isEmpty();
    }

    @Test
    void onlyTheResponsiblePhysicianMaySign() {
        QualityFixtures fixtures = new QualityFixtures(context);
        Facility hospital = fixtures.hospital("QCC2");
        Practitioner author = fixtures.physician("Bea", "Author");
        Practitioner other = fixtures.physician("Cy", "Other");
        Chart c = fixtures.cleanInpatient(hospital, author, 10);
        c.documents.add(QualityFixtures.note(c, DocumentType.PROGRESS_NOTE, "Progress", c.encounter.admitAt(), author, false, "x"));
        fixtures.write(c);
        Eventually.within(WAIT, "the draft is found", () -> open(c, "DOCUMENT_UNSIGNED") == 1);
        CustodianUser intruder = user("qcc2.other", Role.CLINICIAN, hospital);
        completion.linkPhysician(intruder.getUsername(), other.id(), "test");
        UUID finding = findings.openFor(List.of(c.patientId())).getFirst().id();
        assertThatThrownBy(() -> completion.sign(intruder, finding)).isInstanceOf(QualityAccessDenied.class)
                .hasMessageContaining("waits for Bea Author's signature");
    }

    @Test
    void noticesEscalateAfterThePolicyDaysAndDelinquencyCountsInTheScorecard() {
        QualityFixtures fixtures = new QualityFixtures(context);
        Facility hospital = fixtures.hospital("QCC3");
        Practitioner doctor = fixtures.physician("Dee", "Late");
        Chart late = fixtures.cleanInpatient(hospital, doctor, 45);
        late.withoutDocument(DocumentType.DISCHARGE_SUMMARY);
        fixtures.write(late);
        Chart done = fixtures.cleanInpatient(hospital, doctor, 45);
        fixtures.write(done);
        Eventually.within(WAIT, "the missing summary is found", () -> open(late, "DISCHARGE_SUMMARY_MISSING") == 1);
        Eventually.within(WAIT, "the first notice is sent",
                () -> notifications.forPractitioner(doctor.id(), 10).size() == 1);

        Instant now = Instant.now();
        notifier.notifyDue(now.plus(6, ChronoUnit.DAYS));
        assertThat(notifications.forPractitioner(doctor.id(), 10)).as("not yet: escalation after 7 days").hasSize(1);
        notifier.notifyDue(now.plus(8, ChronoUnit.DAYS));
        assertThat(notifications.forPractitioner(doctor.id(), 10)).extracting(Notification::level).containsExactly(2, 1);
        assertThat(notifications.forPractitioner(doctor.id(), 10).getFirst().message()).startsWith("Reminder 2 (escalated");

        Scorecard card = scorecards.scorecard(Set.of(hospital.id()), Instant.now().plusSeconds(1));
        assertThat(card.byFacility()).singleElement().isEqualTo(new Scorecard.Row("QCC3", 2, 1, 1));
        assertThat(card.byPhysician()).singleElement().extracting(Scorecard.Row::delinquencyRate).isEqualTo(0.5);
        assertThat(card.openByAge()).extracting(Scorecard.AgeBucket::openDeficiencies).containsExactly(0, 0, 0, 1);
        assertThat(card.trend()).hasSize(Scorecards.TREND_WEEKS);
    }

    @Test
    void aRuleThatThrowsIsRecordedTheOthersStillRunAndItsEarlierFindingsStay() {
        QualityFixtures fixtures = new QualityFixtures(context);
        Facility hospital = fixtures.hospital("QCC4");
        Practitioner doctor = fixtures.physician("Eve", "Broken");
        Chart c = fixtures.cleanInpatient(hospital, doctor, 10);
        c.withoutDocument(DocumentType.HISTORY_AND_PHYSICAL);
        c.encounter = new org.custodian.record.Encounter(c.encounter.id(), c.patientId(), hospital.id(),
                c.encounter.visitNumber(), c.encounter.encounterClass(), c.encounter.admitAt(), c.encounter.dischargeAt(),
                null, null, null);
        fixtures.write(c);
        Eventually.within(WAIT, "the first check", () -> open(c, "HP_MISSING") == 1 && open(c, "ENCOUNTER_NO_ATTENDING") == 1);

        Rule broken = new Rule() {
            public String id() {
                return "HP_MISSING";
            }

            public Category category() {
                return Category.COMPLETENESS;
            }

            public Severity severity() {
                return Severity.ERROR;
            }

            public String title() {
                return "always throws";
            }

            public void check(PatientFacts f, RuleContext ctx, Findings out) {
                throw new IllegalStateException("bad data in " + f.patientId());
            }
        };
        List<Rule> rules = new java.util.ArrayList<>(Rules.all());
        rules.removeIf(r -> r.id().equals("HP_MISSING"));
        rules.add(broken);
        RuleEngine engine = new RuleEngine(rules);
        PatientFacts record = facts.load(List.of(c.patientId())).get(c.patientId());
        RuleEngine.Evaluation evaluation = engine.evaluate(record,
                new RuleContext(Instant.now(), QualityProperties.defaults(),
                        (system, code, day) -> new CodeValidation.NoReleaseOnDate(code, system, day, "none loaded")));
        assertThat(evaluation.failures()).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("HP_MISSING");
            assertThat(f.patientId()).isEqualTo(c.patientId());
            assertThat(f.message()).isEqualTo("IllegalStateException: bad data in " + c.patientId());
        });
        assertThat(evaluation.findings()).extracting(Finding::ruleId).containsExactly("ENCOUNTER_NO_ATTENDING");
        tx.executeWithoutResult(s -> findingStore.reconcile(List.of(c.patientId()), evaluation.findings(),
                evaluation.failures(), Instant.now()));
        assertThat(open(c, "HP_MISSING")).as("kept: its rule failed, so nothing is known").isEqualTo(1);
        assertThat(open(c, "ENCOUNTER_NO_ATTENDING")).as("the other rules still ran and found it again").isEqualTo(1);
    }

    private long open(Chart c, String rule) {
        return findings.openFor(List.of(c.patientId())).stream().filter(f -> f.finding().ruleId().equals(rule)).count();
    }

    private CustodianUser user(String name, Role role, Facility at) {
        context.getBean(UserAccounts.class).createOrReset(new NewUser(name, name, "correct horse battery", Set.of(role),
                Set.of(at.id())), "test");
        return (CustodianUser) context.getBean(CustodianUserDetailsService.class).loadUserByUsername(name);
    }
}
