package org.custodian.mpi;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.custodian.privacy.AuditAction;
import org.custodian.privacy.AuditEntry;
import org.custodian.privacy.AuditOutcome;
import org.custodian.privacy.AuditTrail;
import org.custodian.record.Mrn;
import org.custodian.record.Patient;
import org.custodian.record.PatientRepository;
import org.custodian.record.Provenance;
import org.custodian.record.RecordWriter;
import org.custodian.record.Sex;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Registration of a new patient at a facility (the web's registration page): the patient and MRN
 * are written, audited, and the MPI is asked at once ({@link PatientMatcher#linkOrFlagNewPatient}); a
 * likely duplicate is queued for review, a certain one linked by a reversible merge as soon as the
 * registration has committed. Bad demographics are refused with the field and the reason.
 */
@Service
public class PatientRegistration {
    static final String SOURCE = "REALTIME";

    private final RecordWriter writer;
    private final PatientRepository patients;
    private final PatientMatcher matcher;
    private final PatientMerges merges;
    private final AuditTrail audit;
    private final TransactionTemplate transaction;

    PatientRegistration(RecordWriter writer, PatientRepository patients, PatientMatcher matcher, PatientMerges merges,
                        AuditTrail audit, PlatformTransactionManager transactions) {
        this.writer = writer;
        this.patients = patients;
        this.matcher = matcher;
        this.merges = merges;
        this.audit = audit;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** What the registration clerk typed. Blank optional fields are allowed. */
    public record Form(UUID facilityId, String mrn, String given, String family, LocalDate birthDate, Sex sex,
                       String addressLine, String city, String state, String postalCode, String phone, String ssn) {
    }

    /**
     * The patient registered, the likely duplicates the MPI found (best first), and the existing
     * patient the new record was merged into when one was certain.
     */
    public record Outcome(UUID patientId, List<PatientMatcher.Candidate> candidates, Optional<UUID> linkedInto) {
    }

    /** Demographics a registration cannot be made with, each naming the field. */
    public static final class Refused extends RuntimeException {
        private final List<String> problems;

        Refused(List<String> problems) {
            super(String.join("; ", problems));
            this.problems = List.copyOf(problems);
        }

        public List<String> problems() {
            return problems;
        }
    }

    public Outcome register(Form form, Actor actor) {
        List<String> problems = problems(form);
        if (!problems.isEmpty()) {
            throw new Refused(problems);
        }
        UUID id = UUID.randomUUID();
        String mrn = form.mrn().trim();
        List<PatientMatcher.Candidate> candidates = transaction.execute(status -> {
            if (patients.findByMrn(form.facilityId(), mrn).isPresent()) {
                throw new Refused(List.of("MRN: " + mrn + " is already registered at this facility"));
            }
            Patient patient = new Patient(id, form.given().trim(), form.family().trim(), form.birthDate(), form.sex(),
                    new Patient.Address(blankToNull(form.addressLine()), blankToNull(form.city()),
                            blankToNull(form.state()), blankToNull(form.postalCode())),
                    blankToNull(form.phone()), null);
            writer.batch().patient(patient, blankToNull(form.ssn()), Provenance.now(SOURCE, "registration", actor.username()))
                    .identifier(id, new Mrn(form.facilityId(), mrn)).flush();
            audit.record(new AuditEntry(actor.username(), actor.roles(), AuditAction.CREATE, AuditOutcome.SUCCESS, id,
                    "Patient", id.toString(), "registered at the registration desk with MRN " + mrn,
                    actor.clientAddress()));
            return matcher.linkOrFlagNewPatient(id, form.facilityId(), SOURCE, actor);
        });
        // a certain duplicate was merged when the registration committed: the new record now lives in it
        return new Outcome(id, candidates, Optional.ofNullable(merges.survivorsOf(List.of(id)).get(id)));
    }

    static List<String> problems(Form form) {
        List<String> problems = new ArrayList<>();
        if (form.facilityId() == null) {
            problems.add("facility: choose the facility registering the patient");
        }
        if (blankToNull(form.mrn()) == null) {
            problems.add("MRN: required");
        }
        if (blankToNull(form.given()) == null) {
            problems.add("given name: required");
        }
        if (blankToNull(form.family()) == null) {
            problems.add("family name: required");
        }
        if (form.birthDate() == null) {
            problems.add("birth date: required");
        } else if (form.birthDate().isAfter(LocalDate.now())) {
            problems.add("birth date: " + form.birthDate() + " is in the future");
        } else if (form.birthDate().isBefore(LocalDate.now().minusYears(130))) {
            problems.add("birth date: " + form.birthDate() + " is more than 130 years ago");
        }
        if (form.sex() == null) {
            problems.add("sex: required");
        }
        String ssn = blankToNull(form.ssn());
        if (ssn != null && !ssn.matches("\\d{3}-?\\d{2}-?\\d{4}")) {
            problems.add("SSN: '" + "*".repeat(Math.max(0, ssn.length() - 4)) + ssn.substring(Math.max(0, ssn.length() - 4))
                    + "' is not nine digits (123-45-6789)");
        }
        return problems;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
