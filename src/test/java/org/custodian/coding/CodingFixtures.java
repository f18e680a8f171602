package org.custodian.coding;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.custodian.privacy.CustodianUser;
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
import org.custodian.terminology.Terminology;
import org.springframework.context.ApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Real records, users and a small hand-made FY2019 code set for the coding tests, written through
 * the modules' own APIs. FY2019 (2018-10-01 to 2019-09-30) is used by no other test, and the stays
 * here end in March 2019, so validation runs against it whatever today's date is.
 */
public final class CodingFixtures {
    public static final String PASSWORD = "correct horse battery";
    public static final ZoneId ZONE = ZoneId.systemDefault();
    public static final LocalDate ADMITTED = LocalDate.of(2019, 3, 10);
    public static final LocalDate DISCHARGED = LocalDate.of(2019, 3, 15);
    public static final String SUMMARY = "Admitted with fever and productive cough. Chest X-ray showed right lower lobe"
            + " pneumonia. History of type 2 diabetes mellitus, well controlled. Denies chest pain."
            + " Treated with antibiotics and discharged home.";

    private final ApplicationContext context;

    private CodingFixtures(ApplicationContext context) {
        this.context = context;
    }

    public static CodingFixtures of(ApplicationContext context) {
        return new CodingFixtures(context);
    }

    /** Loads the small FY2019 ICD-10-CM and ICD-10-PCS releases (a no-op when already loaded). */
    public void loadCodeSets(Path folder) {
        write(folder.resolve("cm"), "icd10cm_order_2019.txt",
                line(1, "E11", false, "Type 2 diabetes mellitus"),
                line(2, "E119", true, "Type 2 diabetes mellitus without complications"),
                line(3, "I10", true, "Essential (primary) hypertension"),
                line(4, "J18", false, "Pneumonia, unspecified organism"),
                line(5, "J181", true, "Lobar pneumonia, unspecified organism"),
                line(6, "J189", true, "Pneumonia, unspecified organism"),
                line(7, "R05", true, "Cough"),
                line(8, "R509", true, "Fever, unspecified"));
        write(folder.resolve("pcs"), "icd10pcs_order_2019.txt",
                line(1, "BW0", false, "Imaging, Anatomical Regions, Plain Radiography"),
                line(2, "BW03ZZZ", true, "Plain Radiography of Chest"),
                line(3, "3E0", false, "Administration, Physiological Systems, Introduction"),
                line(4, "3E03329", true, "Introduction of Other Anti-infective into Peripheral Vein, Percutaneous Approach"));
        Terminology terminology = context.getBean(Terminology.class);
        terminology.load(folder.resolve("cm"));
        terminology.load(folder.resolve("pcs"));
    }

    public Facility hospital(String code) {
        return context.getBean(FacilityRepository.class).ensure(new Facility(UUID.randomUUID(), code,
                code + " Hospital", FacilityType.HOSPITAL, "Worcester", "MA"));
    }

    public CustodianUser user(String username, Role role, Facility... at) {
        Set<UUID> scope = Arrays.stream(at).map(Facility::id).collect(Collectors.toSet());
        UserAccounts accounts = context.getBean(UserAccounts.class);
        accounts.createOrReset(new NewUser(username, username.replace('.', ' '), PASSWORD, Set.of(role), scope), "test");
        return accounts.find(username).orElseThrow();
    }

    /** An inpatient stay 2019-03-10 to 2019-03-15 with an attending physician and a signed discharge summary. */
    public Stay stay(Facility at, String given, String family, String mrn) {
        return stay(at, given, family, mrn, EncounterClass.INPATIENT);
    }

    public Stay stay(Facility at, String given, String family, String mrn, EncounterClass encounterClass) {
        Practitioner attending = context.getBean(PractitionerRepository.class)
                .ensure(new Practitioner(UUID.randomUUID(), null, "Grace", "Attending" + mrn.replaceAll("[^A-Za-z0-9]", "")));
        Patient patient = new Patient(UUID.randomUUID(), given, family, LocalDate.of(1950, 5, 6), Sex.FEMALE,
                Patient.Address.NONE, null, null);
        Provenance prov = Provenance.now("test", "coding-fixture", "tester");
        Instant admit = ADMITTED.atTime(9, 0).atZone(ZONE).toInstant();
        Instant discharge = DISCHARGED.atTime(11, 0).atZone(ZONE).toInstant();
        UUID encounterId = UUID.randomUUID();
        UUID summaryId = UUID.randomUUID();
        context.getBean(TransactionTemplate.class).executeWithoutResult(s -> context.getBean(RecordWriter.class).batch()
                .patient(patient, null, prov)
                .identifier(patient.id(), new Mrn(at.id(), mrn))
                .encounter(new Encounter(encounterId, patient.id(), at.id(), "V-" + mrn, encounterClass, admit,
                        discharge, attending.id(), "home", "fever and cough"), prov)
                .document(new ClinicalDocument(summaryId, patient.id(), encounterId, DocumentType.DISCHARGE_SUMMARY,
                        null, discharge, List.of(new DocumentVersion(1, DocumentStatus.FINAL, "Discharge summary",
                        SUMMARY, attending.id(), discharge, attending.id(), null, prov))))
                .flush());
        return new Stay(patient, encounterId, attending, summaryId);
    }

    public record Stay(Patient patient, UUID encounterId, Practitioner attending, UUID summaryId) {
    }

    static String line(int order, String code, boolean billable, String description) {
        String shortText = description.length() > 60 ? description.substring(0, 60) : description;
        return String.format("%05d %-7s %s %-60s %s", order, code, billable ? "1" : "0", shortText, description);
    }

    private static void write(Path folder, String name, String... lines) {
        try {
            Files.createDirectories(folder);
            Files.writeString(folder.resolve(name), String.join("\r\n", lines) + "\r\n", StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
