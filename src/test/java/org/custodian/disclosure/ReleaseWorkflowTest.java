package org.custodian.disclosure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.custodian.IntegrationTest;
import org.custodian.privacy.AuditAction;
import org.custodian.privacy.AuditQuery;
import org.custodian.privacy.AuditTrail;
import org.custodian.privacy.CustodianUser;
import org.custodian.privacy.NewUser;
import org.custodian.privacy.Role;
import org.custodian.privacy.UserAccounts;
import org.custodian.record.ClinicalDocument;
import org.custodian.record.DocumentRepository;
import org.custodian.record.DocumentStatus;
import org.custodian.record.Facility;
import org.custodian.record.FacilityRepository;
import org.custodian.record.FacilityType;
import org.custodian.record.Patient;
import org.custodian.record.RecordFixtures;
import org.custodian.record.RecordWriter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.transaction.support.TransactionTemplate;

/** The release-of-information services end to end on the real database, as the ROI specialist uses them. */
@IntegrationTest
@Import(ReleaseWorkflowTest.Labels.class)
class ReleaseWorkflowTest {
    static final Set<UUID> PART2 = ConcurrentHashMap.newKeySet();

    @TestConfiguration
    static class Labels {
        @Bean
        DocumentSensitivity part2Labels() {
            return ids -> ids.stream().filter(PART2::contains).collect(java.util.stream.Collectors.toSet());
        }
    }

    @Autowired
    ReleaseRequests requests;
    @Autowired
    DisclosureAccounting accounting;
    @Autowired
    Amendments amendments;
    @Autowired
    RightOfAccess access;
    @Autowired
    DocumentRepository documents;
    @Autowired
    AuditTrail audit;
    @Autowired
    UserAccounts accounts;
    @Autowired
    FacilityRepository facilities;
    @Autowired
    RecordWriter writer;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @Test
    void aLawEnforcementRequestIsReleasedAsAWatermarkedPacketAndAppearsInTheAccounting() throws IOException {
        Facility hospital = fixtures().facility("ROI-A", FacilityType.HOSPITAL);
        Patient patient = fixtures().patient("Imogen", "Tresilian", LocalDate.of(1971, 3, 9), hospital, "RA-1");
        CustodianUser roi = user("roi.a", Role.ROI_SPECIALIST, hospital);
        UUID doc = documents.forPatient(patient.id()).getFirst().id();

        UUID id = requests.open(roi, new NewRequest(patient.id(), RequesterType.LAW_ENFORCEMENT, "Det. Sam Oduya",
                "County Police, 1 Court Sq", "H&P of last admission", Purpose.LAW_ENFORCEMENT,
                LocalDate.now().minusDays(3), Authorization.NONE, false));
        ReleaseRequest opened = requests.get(roi, id);
        assertThat(opened.basis()).isEqualTo(LegalBasis.REQUIRED_BY_LAW);
        assertThat(opened.deadline(LocalDate.now()).daysRemaining()).isEqualTo(27);
        assertThat(requests.queue(roi)).extracting(ReleaseRequest::id).contains(id);

        assertThatThrownBy(() -> requests.release(roi, id)).hasMessageContaining("select the documents");
        requests.select(roi, id, Set.of(doc), null, null);
        Packet packet = requests.release(roi, id);

        assertThat(packet.pages()).isEqualTo(2);
        assertThat(packet.fee()).isEqualByComparingTo("16.00");
        try (PDDocument pdf = Loader.loadPDF(packet.pdf())) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains("Release of health information", "Det. Sam Oduya", "Tresilian",
                    "Patient presents with chest pain.", "Page 1 of 2", "Page 2 of 2");
            assertThat(text.replaceAll("\\s", "")).as("the diagonal watermark").contains("ReleasedtoDet.SamOduya");
        }
        AccountingView view = accounting.view(roi, patient.id());
        assertThat(view.accountable()).singleElement().satisfies(d -> {
            assertThat(d.recipient()).isEqualTo("Det. Sam Oduya");
            assertThat(d.description()).contains("H&P");
            assertThat(d.purpose()).contains("Law enforcement");
        });
        try (PDDocument pdf = Loader.loadPDF(accounting.accountingPdf(roi, patient.id()))) {
            assertThat(new PDFTextStripper().getText(pdf)).contains("Accounting of disclosures", "Det. Sam Oduya");
        }
        assertThat(requests.get(roi, id).status()).isEqualTo(RequestStatus.RELEASED);
        assertThat(audit.search(new AuditQuery("roi.a", patient.id(), AuditAction.PRINT, null, null, null, false, 0, 50))
                .events()).anySatisfy(e -> assertThat(e.detail()).contains("released 1 documents"));
    }

    @Test
    void anIncompleteAuthorizationListsItsMissingElementsAndBlocksRelease() {
        Facility hospital = fixtures().facility("ROI-B", FacilityType.HOSPITAL);
        Patient patient = fixtures().patient("Caspian", "Wolverton", LocalDate.of(1980, 1, 2), hospital, "RB-1");
        CustodianUser roi = user("roi.b", Role.ROI_SPECIALIST, hospital);
        Authorization partial = new Authorization(true, "all records 2024", "ROI-B hospital", "Lee & Park LLP",
                null, "2020-01-01", LocalDate.now().minusYears(6), "Caspian Wolverton", true, false, true, false);
        UUID id = requests.open(roi, new NewRequest(patient.id(), RequesterType.ATTORNEY, "Lee & Park LLP", null,
                "all records 2024", Purpose.LEGAL, LocalDate.now(), partial, false));
        ReleaseRequest request = requests.get(roi, id);

        assertThat(request.authorizationFindings(LocalDate.now())).containsExactly(
                "missing: the purpose of the disclosure",
                "missing: the statement that treatment is not conditioned on signing",
                "expired on 2020-01-01");
        requests.select(roi, id, Set.of(documents.forPatient(patient.id()).getFirst().id()), null, null);
        assertThatThrownBy(() -> requests.release(roi, id)).hasMessageContaining("the authorization is not valid")
                .hasMessageContaining("expired on 2020-01-01");
        assertThatThrownBy(() -> requests.extend(roi, id, "busy")).hasMessageContaining("only access requests");
    }

    @Test
    void part2RecordsNeedTheSpecificConsentExceptForThePatientsOwnRequest() {
        Facility hospital = fixtures().facility("ROI-C", FacilityType.HOSPITAL);
        Patient patient = fixtures().patient("Ottilie", "Penhallow", LocalDate.of(1990, 6, 6), hospital, "RC-1");
        CustodianUser roi = user("roi.c", Role.ROI_SPECIALIST, hospital);
        UUID doc = documents.forPatient(patient.id()).getFirst().id();
        PART2.add(doc);
        UUID toProvider = requests.open(roi, new NewRequest(patient.id(), RequesterType.PROVIDER, "Lakeside Clinic",
                null, "records", Purpose.TREATMENT, LocalDate.now(), null, false));
        requests.select(roi, toProvider, Set.of(doc), null, null);
        assertThatThrownBy(() -> requests.release(roi, toProvider)).hasMessageContaining("42 CFR Part 2");

        UUID id = requests.open(roi, new NewRequest(patient.id(), RequesterType.PATIENT, "Ottilie Penhallow", null,
                "my records", Purpose.PERSONAL_USE, LocalDate.now(), null, false));
        requests.extend(roi, id, "records held off site");
        assertThat(requests.get(roi, id).dueOn()).isEqualTo(LocalDate.now().plusDays(60));
        assertThatThrownBy(() -> requests.extend(roi, id, "again")).hasMessageContaining("already extended once");
        requests.select(roi, id, Set.of(doc), null, null);
        assertThat(requests.release(roi, id).pages()).as("the patient may see their own Part 2 records (2.23)")
                .isPositive();
    }

    @Test
    void aUserOfAnotherFacilityIsDeniedAndTheDenialIsAudited() {
        Facility hospital = fixtures().facility("ROI-D", FacilityType.HOSPITAL);
        Facility other = fixtures().facility("ROI-E", FacilityType.HOSPITAL);
        Patient patient = fixtures().patient("Rufus", "Abernethy", LocalDate.of(1966, 2, 2), hospital, "RD-1");
        CustodianUser outsider = user("roi.outsider", Role.ROI_SPECIALIST, other);
        CustodianUser coder = user("roi.coder", Role.CODER, hospital);

        assertThatThrownBy(() -> requests.open(outsider, new NewRequest(patient.id(), RequesterType.INSURER, "Acme",
                null, "claims", Purpose.PAYMENT, LocalDate.now(), null, false))).isInstanceOf(DisclosureDenied.class);
        assertThatThrownBy(() -> accounting.view(coder, patient.id())).isInstanceOf(DisclosureDenied.class);
        assertThat(audit.search(new AuditQuery("roi.outsider", patient.id(), AuditAction.CREATE, null, null, null,
                false, 0, 50)).events()).singleElement().satisfies(e -> assertThat(e.outcome().name()).isEqualTo("DENIED"));
    }

    @Test
    void anAcceptedAmendmentIsAppendedAndPriorRecipientsAreNotified() {
        Facility hospital = fixtures().facility("ROI-F", FacilityType.HOSPITAL);
        Patient patient = fixtures().patient("Wilhelmina", "Strachan", LocalDate.of(1958, 11, 30), hospital, "RF-1");
        CustodianUser roi = user("roi.f", Role.ROI_SPECIALIST, hospital);
        ClinicalDocument doc = documents.forPatient(patient.id()).getFirst();
        UUID request = requests.open(roi, new NewRequest(patient.id(), RequesterType.PUBLIC_HEALTH, "State DPH", null,
                "H&P", Purpose.PUBLIC_HEALTH, LocalDate.now(), null, false));
        requests.select(roi, request, Set.of(doc.id()), null, null);
        requests.release(roi, request);

        UUID id = amendments.request(roi, new NewAmendment(patient.id(), doc.id(), "I never had chest pain; it was"
                + " shortness of breath.", "The H&P is wrong.", LocalDate.now().minusDays(10)));
        assertThat(amendments.queue(roi)).extracting(Amendment::id).contains(id);
        assertThat(amendments.get(roi, id).deadline(LocalDate.now()).daysRemaining()).isEqualTo(50);
        Amendment accepted = amendments.accept(roi, id, "Presenting symptom corrected to shortness of breath.",
                List.of("Dr. Ann Ortho, Lakeside Clinic", " ", "Dr. Ann Ortho, Lakeside Clinic"));

        assertThat(accepted.status()).isEqualTo(AmendmentStatus.ACCEPTED);
        assertThat(accepted.notified()).containsExactly("Dr. Ann Ortho, Lakeside Clinic", "State DPH");
        assertThat(jdbc.queryForList("SELECT recipient FROM amendment_notice WHERE amendment_id = ? AND named_by_patient"
                + " AND notified_at IS NOT NULL", String.class, id)).containsExactly("Dr. Ann Ortho, Lakeside Clinic");
        ClinicalDocument addendum = documents.find(accepted.amendmentDocumentId()).orElseThrow();
        assertThat(addendum.addendumTo()).isEqualTo(doc.id());
        assertThat(addendum.current().status()).as("the addendum is final in the record, not a draft")
                .isEqualTo(DocumentStatus.FINAL);
        assertThat(addendum.current().signedAt()).isNotNull();
        assertThat(addendum.current().signedBy()).isEqualTo(accounts.practitionerOf(roi.getUsername()).orElseThrow());
        assertThat(audit.search(new AuditQuery(roi.getUsername(), patient.id(), AuditAction.UPDATE, null, null, null,
                false, 0, 50)).events()).anyMatch(e -> e.detail().contains("signed (FINAL) and linked to " + doc.id())
                && e.detail().contains("1 named by the patient"));
        Amendment second = amendments.accept(roi, amendments.request(roi, new NewAmendment(patient.id(), doc.id(),
                "Add the allergy.", "Missing.", LocalDate.now())), "Penicillin allergy added.");
        assertThat(documents.find(second.amendmentDocumentId()).orElseThrow().current().signedBy())
                .as("the same signer identity is reused").isEqualTo(addendum.current().signedBy());
        assertThat(addendum.current().body()).contains("shortness of breath", "164.526");
        assertThat(documents.find(doc.id()).orElseThrow().current().body()).isEqualTo(doc.current().body());
    }

    @Test
    void aDeniedAmendmentLinksTheDenialDisagreementAndRebuttalAndTheyGoOutWithTheRecord() throws IOException {
        Facility hospital = fixtures().facility("ROI-G", FacilityType.HOSPITAL);
        Patient patient = fixtures().patient("Barnaby", "Quarrington", LocalDate.of(1949, 4, 4), hospital, "RG-1");
        CustodianUser roi = user("roi.g", Role.ROI_SPECIALIST, hospital);
        ClinicalDocument doc = documents.forPatient(patient.id()).getFirst();
        UUID id = amendments.request(roi, new NewAmendment(patient.id(), doc.id(), "Remove the chest pain.",
                "I dislike it.", LocalDate.now()));
        assertThatThrownBy(() -> amendments.rebuttal(roi, id, "x")).hasMessageContaining("follow a denial");

        amendments.deny(roi, id, DenialBasis.ACCURATE_AND_COMPLETE, "The attending confirmed the history.");
        amendments.disagreement(roi, id, "I maintain I had no chest pain.");
        Amendment denied = amendments.rebuttal(roi, id, "Chest pain is documented by two clinicians.");

        assertThat(denied.denialLetter()).contains("accurate and complete", "statement disagreeing", "Secretary");
        assertThat(denied.linkedText()).contains("I maintain I had no chest pain.", "documented by two clinicians");
        try (PDDocument pdf = Loader.loadPDF(access.export(roi, patient.id(), RightOfAccess.Format.PDF))) {
            assertThat(new PDFTextStripper().getText(pdf)).contains("Quarrington", "Amendment request linked",
                    "I maintain I had no chest pain.");
        }
        String fhir = new String(access.export(roi, patient.id(), RightOfAccess.Format.FHIR));
        assertThat(fhir).contains("\"resourceType\": \"Bundle\"", "\"type\": \"collection\"", "\"Quarrington\"",
                "\"DocumentReference\"", "\"Encounter\"", "\"Condition\"", "I21.4");
        assertThat(accounting.view(roi, patient.id()).all()).anySatisfy(d ->
                assertThat(d.basis()).isEqualTo(LegalBasis.RIGHT_OF_ACCESS));
        assertThat(accounting.view(roi, patient.id()).accountable()).isEmpty();
    }

    private RecordFixtures fixtures() {
        return new RecordFixtures(facilities, writer, tx);
    }

    private CustodianUser user(String name, Role role, Facility... at) {
        return accounts.createOrReset(new NewUser(name, name, "correct horse battery", Set.of(role),
                java.util.Arrays.stream(at).map(Facility::id).collect(java.util.stream.Collectors.toSet())), "test");
    }
}
