package org.custodian.coding;

import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.custodian.record.ClinicalQueries;
import org.custodian.record.CodedValue;
import org.custodian.record.Diagnosis;
import org.custodian.record.Encounter;
import org.custodian.record.Procedure;
import org.custodian.record.Provenance;
import org.custodian.record.RecordWriter;
import org.custodian.terminology.CodeSystem;
import org.springframework.stereotype.Component;

/**
 * Files finalised codes in the legal health record: each diagnosis (sequenced, principal first,
 * with its POA indicator) and procedure becomes a fact on the encounter, with the coder as its
 * provenance. Other modules then see the encounter as coded (quality's not-coded rule, analytics'
 * top codes) through the record's own change event.
 */
@Component
class FinalCodesWriter {
    static final String SOURCE = "Custodian coding";

    private final RecordWriter writer;
    private final ClinicalQueries clinical;
    private final ZoneId zone = ZoneId.systemDefault();

    FinalCodesWriter(RecordWriter writer, ClinicalQueries clinical) {
        this.writer = writer;
        this.clinical = clinical;
    }

    /**
     * Call inside the finalising transaction. Ids derive from the code lines, so a line finalised
     * again after the case was reopened is not filed twice.
     */
    void file(Encounter encounter, List<CodedLine> lines, String coder) {
        Provenance provenance = Provenance.now(SOURCE, "encounter " + encounter.id(), coder);
        RecordWriter.Batch batch = writer.batch();
        int sequence = 1;
        List<CodedLine> ordered = lines.stream()
                .sorted(java.util.Comparator.comparing(CodedLine::principal).reversed()).toList();
        for (CodedLine line : ordered) {
            CodedValue code = new CodedValue(uri(line.system()), line.display(), line.description());
            UUID id = UUID.nameUUIDFromBytes(("coding/line/" + line.id()).getBytes(StandardCharsets.UTF_8));
            boolean filed = line.kind() == CodedLine.Kind.DIAGNOSIS ? clinical.diagnosis(id).isPresent()
                    : clinical.procedure(id).isPresent();
            if (filed) {
                sequence += line.kind() == CodedLine.Kind.DIAGNOSIS ? 1 : 0;
                continue;
            }
            if (line.kind() == CodedLine.Kind.DIAGNOSIS) {
                batch.diagnosis(new Diagnosis(id, encounter.patientId(), encounter.id(), code, line.poa(), sequence++,
                        line.principal(), encounter.admitAt(), null), provenance);
            } else {
                batch.procedure(new Procedure(id, encounter.patientId(), encounter.id(), code,
                        line.performedOn() == null ? encounter.admitAt() : line.performedOn().atStartOfDay(zone).toInstant()),
                        provenance);
            }
        }
        batch.flush();
    }

    static String uri(CodeSystem system) {
        return switch (system) {
            case ICD10CM -> "http://hl7.org/fhir/sid/icd-10-cm";
            case ICD10PCS -> "http://www.cms.gov/Medicare/Coding/ICD10";
            case HCPCS -> "urn:oid:2.16.840.1.113883.6.285";
        };
    }
}
