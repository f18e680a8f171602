package org.custodian.transcription;

import java.util.Set;
import java.util.UUID;
import org.custodian.privacy.CustodianUser;
import org.custodian.privacy.NewUser;
import org.custodian.privacy.Role;
import org.custodian.privacy.UserAccounts;
import org.custodian.quality.QualityFixtures;
import org.custodian.record.DocumentType;
import org.custodian.record.Facility;
import org.custodian.record.Practitioner;
import org.springframework.context.ApplicationContext;

/**
 * A hospital of its own with an inpatient stay whose discharge summary is still to be dictated, and
 * the people who carry it through transcription: two transcriptionists (one types, the other QAs),
 * a resident and the attending who co-signs, each account linked to its practitioner.
 */
public final class TranscriptionFixtures {
    public static final String PASSWORD = "correct horse battery";

    public final Facility hospital;
    public final Practitioner resident;
    public final Practitioner attending;
    public final QualityFixtures.Chart chart;
    public final String transcriptionist;
    public final String reviewer;
    public final String residentUser;
    public final String attendingUser;
    public final String director;
    private final UserAccounts accounts;

    public TranscriptionFixtures(ApplicationContext context, String prefix) {
        accounts = context.getBean(UserAccounts.class);
        QualityFixtures records = new QualityFixtures(context);
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        hospital = records.hospital(prefix.toUpperCase() + suffix.toUpperCase());
        resident = records.physician("Rhea", "Resident" + suffix);
        attending = records.physician("Atticus", "Attending" + suffix);
        chart = records.cleanInpatient(hospital, attending, 10);
        chart.withoutDocument(DocumentType.DISCHARGE_SUMMARY);
        records.write(chart);
        transcriptionist = user(prefix + ".typist." + suffix, Role.TRANSCRIPTIONIST);
        reviewer = user(prefix + ".qa." + suffix, Role.TRANSCRIPTIONIST);
        residentUser = user(prefix + ".resident." + suffix, Role.CLINICIAN);
        attendingUser = user(prefix + ".attending." + suffix, Role.CLINICIAN);
        director = user(prefix + ".director." + suffix, Role.HIM_DIRECTOR);
        accounts.linkPractitioner(residentUser, resident.id(), "test");
        accounts.linkPractitioner(attendingUser, attending.id(), "test");
    }

    public CustodianUser account(String username) {
        return accounts.find(username).orElseThrow();
    }

    public String user(String username, Role role) {
        accounts.createOrReset(new NewUser(username, "Test " + username, PASSWORD, Set.of(role), Set.of(hospital.id())),
                "test");
        return username;
    }

    /** A discharge summary dictated by the resident, to be co-signed by the attending. */
    public NewTranscription dischargeSummary(String body) {
        return new NewTranscription(chart.mrn, chart.encounter.visitNumber(), DocumentType.DISCHARGE_SUMMARY, null, body,
                resident.id(), attending.id());
    }
}
