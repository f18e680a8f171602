package org.custodian.disclosure;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.custodian.privacy.AccessDecision;
import org.custodian.privacy.AuditAction;
import org.custodian.privacy.CustodianUser;
import org.custodian.privacy.Permission;
import org.custodian.privacy.PhiAccess;
import org.custodian.record.ChartScope;
import org.custodian.record.ClinicalDocument;
import org.custodian.record.DocumentRepository;
import org.custodian.record.Observation;
import org.custodian.record.PatientChart;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The patient's right of access (164.524): their designated record set (demographics, encounters,
 * diagnoses, procedures, results and documents with addenda and amendment materials) as a PDF or
 * a FHIR Bundle. Each export is a disclosure to the patient, logged (not accounted) and audited.
 */
@Service
public class RightOfAccess {
    private final PhiAccess phi;
    private final DocumentRepository documents;
    private final AmendmentRepository amendments;
    private final DisclosureRepository disclosures;
    private final Guard guard;

    RightOfAccess(PhiAccess phi, DocumentRepository documents, AmendmentRepository amendments,
                  DisclosureRepository disclosures, Guard guard) {
        this.phi = phi;
        this.documents = documents;
        this.amendments = amendments;
        this.disclosures = disclosures;
        this.guard = guard;
    }

    public enum Format { PDF, FHIR }

    @Transactional
    public byte[] export(CustodianUser user, UUID patientId, Format format) {
        guard.require(user, Permission.RELEASE_INFORMATION, patientId, AuditAction.EXPORT, "DesignatedRecordSet",
                patientId.toString());
        PatientChart chart = phi.chart(user, patientId, ChartScope.FULL)
                .orElseThrow(() -> new NotFound("no patient " + patientId));
        List<ClinicalDocument> all = documents.forPatient(patientId).stream()
                .sorted(Comparator.comparing(ClinicalDocument::createdAt)).toList();
        List<ClinicalDocument> docs = all.stream().filter(d -> releasable(user, chart, d)).toList();
        int withheld = all.size() - docs.size();
        byte[] out = switch (format) {
            case FHIR -> RecordSetBundle.json(chart, docs).getBytes(java.nio.charset.StandardCharsets.UTF_8);
            case PDF -> pdf(chart, docs, withheld);
        };
        disclosures.insert(new Disclosure(UUID.randomUUID(), patientId, LocalDate.now(),
                chart.patient().fullName() + " (patient)", null, "Designated record set as " + format + ": "
                + chart.encounters().size() + " encounters, " + docs.size() + " documents",
                Purpose.PERSONAL_USE.label(), LegalBasis.RIGHT_OF_ACCESS, false, null, Instant.now(), user.getUsername()));
        guard.done(user, AuditAction.EXPORT, patientId, "DesignatedRecordSet", patientId.toString(),
                "right-of-access export as " + format + ", " + out.length + " bytes"
                        + (withheld == 0 ? "" : "; " + withheld + " document(s) withheld by sensitivity labels"));
        return out;
    }

    /**
     * A document goes into the copy when the chart shows its encounter (the chart already left out
     * encounters whose labels keep the user out) and its own and its encounter's labels let the user
     * release it; a 42 CFR Part 2 record goes only through a release request with the specific consent.
     */
    private boolean releasable(CustodianUser user, PatientChart chart, ClinicalDocument d) {
        return (d.encounterId() == null || chart.encounters().stream().anyMatch(e -> e.id().equals(d.encounterId())))
                && guard.release(user, d.patientId(), d.id(), Set.of()) instanceof AccessDecision.Permit;
    }

    private byte[] pdf(PatientChart chart, List<ClinicalDocument> docs, int withheld) {
        var p = chart.patient();
        PdfBook book = new PdfBook("Health record of " + p.fullName());
        book.heading("Health record of " + p.family() + ", " + p.given());
        book.field("Born", p.birthDate().toString());
        book.field("Sex", p.sex().name());
        book.field("Address", String.join(", ", java.util.stream.Stream.of(p.address().line(), p.address().city(),
                p.address().state(), p.address().postalCode()).filter(s -> s != null && !s.isBlank()).toList()));
        book.field("Phone", p.phone());
        for (PatientChart.IdentifierRow id : chart.identifiers()) {
            book.field("Medical record number at " + id.facilityName(), id.mrn());
        }
        book.subheading("Encounters");
        for (PatientChart.EncounterRow e : chart.encounters()) {
            book.paragraph(PacketBuilder.date(e.admitAt()) + " to " + PacketBuilder.date(e.dischargeAt()) + "  "
                    + e.encounterClass().label() + " at " + e.facilityName()
                    + (e.reason() == null ? "" : " - " + e.reason()));
        }
        book.subheading("Problems and diagnoses");
        for (PatientChart.DiagnosisRow d : chart.diagnoses()) {
            book.paragraph(d.code().code() + " " + d.code().display() + " (onset " + PacketBuilder.date(d.onsetAt())
                    + (d.resolvedAt() == null ? "" : ", resolved " + PacketBuilder.date(d.resolvedAt())) + ")");
        }
        book.subheading("Procedures");
        for (PatientChart.ProcedureRow r : chart.procedures()) {
            book.paragraph(PacketBuilder.date(r.performedAt()) + "  " + r.code().code() + " " + r.code().display());
        }
        book.subheading("Results");
        for (Observation o : chart.observations()) {
            book.paragraph(PacketBuilder.date(o.observedAt()) + "  " + o.display() + ": "
                    + (o.valueNumeric() != null ? o.valueNumeric().toPlainString() : o.valueText())
                    + (o.unit() == null ? "" : " " + o.unit()) + (o.abnormalFlag() == null ? "" : " [" + o.abnormalFlag() + "]"));
        }
        if (withheld > 0) {
            book.subheading("Documents not in this copy");
            book.paragraph(withheld + " document(s) carry a sensitivity label that this export may not release."
                    + " Records under 42 CFR Part 2 are released with the patient's specific written consent"
                    + " through a release-of-information request; ask the HIM department for the others.");
        }
        List<Amendment> linked = amendments.forDocuments(docs.stream().map(ClinicalDocument::id).toList());
        for (ClinicalDocument d : docs) {
            if (d.isEnteredInError()) {
                continue;
            }
            book.pageBreak();
            book.heading(d.current().title());
            book.field("Type", d.type().label());
            book.field("Date", PacketBuilder.date(d.createdAt()));
            book.field("Status", d.current().status().name());
            book.paragraph(d.current().body());
            for (Amendment a : linked) {
                if (a.documentId().equals(d.id())) {
                    book.subheading("Amendment request linked to this document");
                    book.paragraph(a.linkedText());
                }
            }
        }
        return book.build("Health record of " + p.fullName() + " - copy for the patient", null).bytes();
    }
}
