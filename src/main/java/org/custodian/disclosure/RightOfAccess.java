package org.custodian.disclosure;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.custodian.privacy.AuditAction;
import org.custodian.privacy.CustodianUser;
import org.custodian.privacy.PhiAccess;
import org.custodian.privacy.SensitivityLabel;
import org.custodian.record.ClinicalDocument;
import org.custodian.record.DocumentRepository;
import org.custodian.record.Observation;
import org.custodian.record.PatientChart;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The patient's right of access (164.524): their designated record set (demographics, encounters,
 * diagnoses, procedures, results and documents with addenda and amendment materials) as a PDF or
 * a FHIR Bundle. Sensitivity labels protect the patient from others, not from themselves, so the copy
 * holds the labelled parts of the record too, 42 CFR Part 2 records included (42 CFR 2.23); so does a
 * restriction the patient asked for, which keeps others out. Each export is a disclosure to the
 * patient, logged (not accounted) and audited.
 */
@Service
public class RightOfAccess {
    private final PhiAccess phi;
    private final DocumentRepository documents;
    private final AmendmentRepository amendments;
    private final DisclosureRepository disclosures;
    private final SpeciallyProtected protectedRecords;
    private final Guard guard;

    RightOfAccess(PhiAccess phi, DocumentRepository documents, AmendmentRepository amendments,
                  DisclosureRepository disclosures, SpeciallyProtected protectedRecords, Guard guard) {
        this.phi = phi;
        this.documents = documents;
        this.amendments = amendments;
        this.disclosures = disclosures;
        this.protectedRecords = protectedRecords;
        this.guard = guard;
    }

    public enum Format { PDF, FHIR }

    @Transactional
    public byte[] export(CustodianUser user, UUID patientId, Format format) {
        guard.requireReleaseWork(user, patientId, AuditAction.EXPORT, "DesignatedRecordSet", patientId.toString());
        PatientChart chart = phi.chartForThePatient(user, patientId)
                .orElseThrow(() -> new NotFound("no patient " + patientId));
        List<ClinicalDocument> docs = documents.forPatient(patientId).stream()
                .sorted(Comparator.comparing(ClinicalDocument::createdAt)).toList();
        Set<SensitivityLabel> labelled = protectedRecords.together(protectedRecords.categories(
                docs.stream().map(ClinicalDocument::id).collect(Collectors.toSet())));
        byte[] out = switch (format) {
            case FHIR -> RecordSetBundle.json(chart, docs).getBytes(java.nio.charset.StandardCharsets.UTF_8);
            case PDF -> pdf(chart, docs);
        };
        disclosures.insert(new Disclosure(UUID.randomUUID(), patientId, LocalDate.now(),
                chart.patient().fullName() + " (patient)", null, "Designated record set as " + format + ": "
                + chart.encounters().size() + " encounters, " + docs.size() + " documents"
                + SpeciallyProtected.ownNote(labelled),
                Purpose.PERSONAL_USE.label(), LegalBasis.RIGHT_OF_ACCESS, false, null, Instant.now(), user.getUsername()));
        guard.done(user, AuditAction.EXPORT, patientId, "DesignatedRecordSet", patientId.toString(),
                "right-of-access export as " + format + ", " + out.length + " bytes, " + docs.size() + " documents"
                        + (labelled.isEmpty() ? "" : "; labelled records included for the patient ("
                        + labelled.stream().map(Enum::name).sorted().collect(Collectors.joining(",")) + ")"));
        return out;
    }

    private byte[] pdf(PatientChart chart, List<ClinicalDocument> docs) {
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
