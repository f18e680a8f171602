package org.custodian.quality.rules;

import java.util.UUID;
import org.custodian.quality.Category;
import org.custodian.quality.Severity;

/**
 * Records no chart can reach or that sit in the wrong chart: a patient with no medical record
 * number at any facility, and facts or documents that point at another patient's encounter or document.
 */
public final class OrphanRecordRule implements Rule {
    @Override
    public String id() {
        return "ORPHAN_RECORD";
    }

    @Override
    public Category category() {
        return Category.CONSISTENCY;
    }

    @Override
    public Severity severity() {
        return Severity.ERROR;
    }

    @Override
    public String title() {
        return "Orphan record";
    }

    @Override
    public void check(PatientFacts facts, RuleContext context, Findings out) {
        UUID me = facts.patientId();
        if (facts.mrns().isEmpty()) {
            out.patient(me + ":no-mrn", "Patient " + facts.patient().given() + " " + facts.patient().family() + ": MRN",
                    "The patient has no medical record number at any facility, so no chart shows this record.");
        }
        for (PatientFacts.DiagnosisRow d : facts.diagnoses()) {
            foreign(out, me, d.id(), d.encounterId(), d.encounterOwner(), "Diagnosis " + d.code() + " " + d.display());
        }
        for (PatientFacts.ProcedureRow p : facts.procedures()) {
            foreign(out, me, p.id(), p.encounterId(), p.encounterOwner(), "Procedure " + p.code() + " " + p.display());
        }
        for (PatientFacts.ObservationRow o : facts.observations()) {
            foreign(out, me, o.id(), o.encounterId(), o.encounterOwner(), "Result " + o.display());
        }
        for (PatientFacts.DocumentRow d : facts.documents()) {
            foreign(out, me, d.id(), d.encounterId(), d.encounterOwner(), "Document " + d.label());
            if (d.addendumTo() != null && d.addendumToPatient() != null && !d.addendumToPatient().equals(me)) {
                out.add(d.id() + ":addendum", d.encounterId(), d.id(), null, null, "Document " + d.label(),
                        "This addendum adds to document " + d.addendumTo() + ", which is in another patient's chart ("
                                + d.addendumToPatient() + ").");
            }
        }
    }

    private static void foreign(Findings out, UUID me, UUID id, UUID encounterId, UUID owner, String where) {
        if (encounterId != null && owner != null && !owner.equals(me)) {
            out.add(id + ":encounter", null, null, null, null, where,
                    "Filed on encounter " + encounterId + ", which belongs to another patient (" + owner + ").");
        }
    }
}
