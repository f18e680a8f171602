package org.custodian.disclosure;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.custodian.privacy.AuditAction;
import org.custodian.privacy.CustodianUser;
import org.custodian.record.Patient;
import org.custodian.record.PatientRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The accounting of disclosures (164.528): every disclosure is logged; the patient's accounting
 * lists the accountable ones (not TPO, not to the patient, not under authorization) of the last
 * six years, on screen and as a PDF.
 */
@Service
public class DisclosureAccounting {
    public static final int YEARS = 6;
    private static final String RESOURCE = "AccountingOfDisclosures";

    private final DisclosureRepository disclosures;
    private final PatientRepository patients;
    private final Guard guard;

    DisclosureAccounting(DisclosureRepository disclosures, PatientRepository patients, Guard guard) {
        this.disclosures = disclosures;
        this.patients = patients;
        this.guard = guard;
    }

    @Transactional
    public UUID log(CustodianUser user, NewDisclosure d) {
        requirePatient(d.patientId());
        guard.requireReleaseWork(user, d.patientId(), AuditAction.CREATE, "Disclosure", null);
        LegalBasis basis = d.purpose().isTpo() ? LegalBasis.TPO
                : d.purpose().isRequiredOrPermittedByLaw() ? LegalBasis.REQUIRED_BY_LAW : LegalBasis.AUTHORIZATION;
        UUID id = UUID.randomUUID();
        disclosures.insert(new Disclosure(id, d.patientId(), d.disclosedOn(), d.recipient(), d.recipientAddress(),
                d.description(), d.purpose().label(), basis, basis.accountable(), null, Instant.now(),
                user.getUsername()));
        guard.done(user, AuditAction.CREATE, d.patientId(), "Disclosure", id.toString(),
                "disclosure to '" + d.recipient() + "' logged (" + basis + ")");
        return id;
    }

    /**
     * The patient's accounting (accountable disclosures of the last six years, newest first) and the
     * full log of disclosures behind it, in one audited read.
     */
    public AccountingView view(CustodianUser user, UUID patientId) {
        Patient patient = requirePatient(patientId);
        guard.requireReleaseWork(user, patientId, AuditAction.READ, RESOURCE, null);
        List<Disclosure> accountable = disclosures.forPatient(patientId, since(), true);
        List<Disclosure> all = disclosures.forPatient(patientId, LocalDate.of(1900, 1, 1), false);
        guard.done(user, AuditAction.READ, patientId, RESOURCE, patientId.toString(),
                accountable.size() + " accountable of " + all.size() + " logged disclosures");
        return new AccountingView(patient, accountable, all);
    }

    public byte[] accountingPdf(CustodianUser user, UUID patientId) {
        Patient patient = requirePatient(patientId);
        guard.requireReleaseWork(user, patientId, AuditAction.PRINT, RESOURCE, null);
        List<Disclosure> entries = disclosures.forPatient(patientId, since(), true);
        PdfBook book = new PdfBook("Accounting of disclosures");
        book.heading("Accounting of disclosures");
        book.field("Patient", patient.family() + ", " + patient.given() + ", born " + patient.birthDate());
        book.field("Period", since() + " to " + LocalDate.now());
        book.paragraph("As required by 45 CFR 164.528, this lists disclosures of your health information in the six"
                + " years before this accounting, other than those for treatment, payment and health care operations,"
                + " to you, under your authorization, or otherwise excepted by the rule.");
        if (entries.isEmpty()) {
            book.paragraph("There were no disclosures to account for in this period.");
        }
        for (Disclosure d : entries) {
            book.subheading(d.disclosedOn() + " - " + d.recipient());
            book.field("Recipient address", d.recipientAddress());
            book.field("What was disclosed", d.description());
            book.field("Purpose", d.purpose());
            book.field("Basis", d.basis().label());
        }
        byte[] pdf = book.build("Accounting of disclosures for " + patient.family() + ", " + patient.given(), null).bytes();
        guard.done(user, AuditAction.PRINT, patientId, RESOURCE, patientId.toString(),
                "accounting PDF with " + entries.size() + " entries");
        return pdf;
    }

    private Patient requirePatient(UUID patientId) {
        return patients.find(patientId).orElseThrow(() -> new NotFound("no patient " + patientId));
    }

    private static LocalDate since() {
        return LocalDate.now().minusYears(YEARS);
    }
}
