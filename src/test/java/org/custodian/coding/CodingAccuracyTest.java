package org.custodian.coding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import org.custodian.IntegrationTest;
import org.custodian.privacy.CustodianUser;
import org.custodian.privacy.Role;
import org.custodian.privacy.UserAccounts;
import org.custodian.record.Diagnosis.PresentOnAdmission;
import org.custodian.record.DocumentRepository;
import org.custodian.record.Facility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** Coding audits, suggestion decisions, productivity figures and physician queries on the real database. */
@IntegrationTest
class CodingAccuracyTest {
    @Autowired
    ApplicationContext context;
    @Autowired
    CodingWork work;
    @Autowired
    CodingAudits audits;
    @Autowired
    CodingMetrics metrics;
    @Autowired
    SuggestionDecisions decisions;
    @Autowired
    PhysicianQueries queries;
    @Autowired
    CodingQueue queue;

    @TempDir
    Path dir;

    private CodingFixtures fixtures;
    private Facility hospital;
    private CustodianUser coder;
    private CustodianUser auditor;

    @BeforeEach
    void setUp() {
        fixtures = CodingFixtures.of(context);
        fixtures.loadCodeSets(dir);
        hospital = fixtures.hospital("CAC-H");
        coder = fixtures.user("cac.coder", Role.CODER, hospital);
        auditor = fixtures.user("cac.auditor", Role.CODER, hospital);
    }

    @Test
    void aBlindAuditCountsCodeLevelAgreementAndTheFiguresReportIt() {
        CodingFixtures.Stay stay = fixtures.stay(hospital, "Audit", "Tester", "CAC-1");
        work.add(coder, stay.encounterId(), CodingPass.PRIMARY, new NewCode.Diagnosis("J18.9", true, PresentOnAdmission.Y));
        work.add(coder, stay.encounterId(), CodingPass.PRIMARY, new NewCode.Diagnosis("E11.9", false, PresentOnAdmission.Y));
        work.finalise(coder, stay.encounterId(), null);

        assertThat(audits.sample(auditor, 50)).extracting(QueueEntry::encounterId).contains(stay.encounterId());
        assertThat(audits.sample(coder, 50)).extracting(QueueEntry::encounterId).doesNotContain(stay.encounterId());
        assertThatThrownBy(() -> work.add(coder, stay.encounterId(), CodingPass.AUDIT,
                new NewCode.Diagnosis("J18.9", true, PresentOnAdmission.Y)))
                .isInstanceOf(CodingRefused.class).hasMessageContaining("second coder");

        EncounterCoding blind = work.open(auditor, stay.encounterId(), CodingPass.AUDIT);
        assertThat(blind.lines()).as("the auditor does not see the original codes").isEmpty();
        work.add(auditor, stay.encounterId(), CodingPass.AUDIT, new NewCode.Diagnosis("J18.1", true, PresentOnAdmission.Y));
        work.add(auditor, stay.encounterId(), CodingPass.AUDIT, new NewCode.Diagnosis("E11.9", false, PresentOnAdmission.Y));
        CodingAudits.AuditResult result = audits.complete(auditor, stay.encounterId());
        assertThat(result).isEqualTo(new CodingAudits.AuditResult(1, 1, 1));
        assertThat(result.agreement()).isEqualTo(1.0 / 3);
        assertThat(work.refresh(coder, stay.encounterId(), CodingPass.PRIMARY).status()).isEqualTo(CodingStatus.AUDITED);

        decisions.decide(coder, stay.encounterId(), new SuggestionDecision("J18.9", 0.9, "pneumonia",
                SuggestionDecision.Outcome.ACCEPTED, null));
        decisions.decide(coder, stay.encounterId(), new SuggestionDecision("R05", 0.6, "cough",
                SuggestionDecision.Outcome.REJECTED, null));
        decisions.decide(coder, stay.encounterId(), new SuggestionDecision("E11.9", 0.7, "type 2 diabetes",
                SuggestionDecision.Outcome.EDITED, "E11.65"));

        LocalDate today = LocalDate.now(ZoneId.systemDefault());
        CodingFigures figures = metrics.figures(auditor, today.minusDays(1), today);
        assertThat(figures.coders()).filteredOn(c -> c.coder().equals("cac.coder")).singleElement().satisfies(c -> {
            assertThat(c.coded()).isEqualTo(1);
            assertThat(c.activeHours()).isEqualTo(1);
            assertThat(c.perDay()).isEqualTo(1.0);
            assertThat(c.audits()).isEqualTo(new CodingFigures.Agreement(1, 1, 1, 1));
        });
        assertThat(figures.acceptance().accepted()).isGreaterThanOrEqualTo(1);
        assertThat(figures.acceptance().rejected()).isGreaterThanOrEqualTo(1);
        assertThat(figures.acceptance().edited()).isGreaterThanOrEqualTo(1);
        assertThat(figures.days()).extracting(CodingFigures.CoderDay::coder).contains("cac.coder");
    }

    @Test
    void aPhysicianQueryHoldsTheCaseAndItsAnswerIsFiledInTheRecord() {
        CodingFixtures.Stay stay = fixtures.stay(hospital, "Query", "Tester", "CAC-2");
        CustodianUser physician = fixtures.user("cac.physician", Role.CLINICIAN, hospital);
        context.getBean(UserAccounts.class).linkPractitioner("cac.physician", stay.attending().id(), "test");

        assertThat(queries.recipients(coder, stay.encounterId())).extracting(Recipient::practitionerId)
                .containsExactly(stay.attending().id());
        PhysicianQuery raised = queries.raise(coder, stay.encounterId(), stay.attending().id(),
                "Please document the organism of the pneumonia, if known.");
        assertThat(work.refresh(coder, stay.encounterId(), CodingPass.PRIMARY).status())
                .isEqualTo(CodingStatus.ON_HOLD_QUERY);
        assertThatThrownBy(() -> work.finalise(coder, stay.encounterId(), "x")).isInstanceOf(CodingRefused.class);

        QueryInbox inbox = queries.inbox(physician);
        assertThat(inbox.linked()).isTrue();
        assertThat(inbox.items()).extracting(i -> i.query().id()).containsExactly(raised.id());
        assertThat(queries.inbox(fixtures.user("cac.unlinked", Role.CLINICIAN, hospital)).linked()).isFalse();
        assertThatThrownBy(() -> queries.answer(fixtures.user("cac.other", Role.CLINICIAN, hospital), raised.id(), "No"))
                .isInstanceOf(CodingDenied.class);

        var documentId = queries.answer(physician, raised.id(), "Streptococcus pneumoniae on sputum culture.");
        var filed = context.getBean(DocumentRepository.class).find(documentId).orElseThrow();
        assertThat(filed.encounterId()).isEqualTo(stay.encounterId());
        assertThat(filed.addendumTo()).isEqualTo(stay.summaryId());
        assertThat(filed.current().body()).contains("Please document the organism", "Streptococcus pneumoniae");
        assertThat(filed.current().signedBy()).isEqualTo(stay.attending().id());
        EncounterCoding after = work.open(coder, stay.encounterId(), CodingPass.PRIMARY);
        assertThat(after.status()).isEqualTo(CodingStatus.IN_PROGRESS);
        assertThat(after.documents()).extracting(d -> d.id()).contains(documentId);
        assertThat(after.queries()).singleElement().satisfies(q -> {
            assertThat(q.status()).isEqualTo(PhysicianQuery.Status.ANSWERED);
            assertThat(q.answerDocumentId()).isEqualTo(documentId);
        });
        assertThat(queries.inbox(physician).items()).isEmpty();
    }
}
