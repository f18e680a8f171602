package org.custodian.interop.fhir;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import java.util.List;
import java.util.UUID;
import org.custodian.record.ClinicalDocument;
import org.custodian.record.ClinicalQueries;
import org.custodian.record.DocumentRepository;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.IdType;
import org.springframework.stereotype.Component;

/** Clinical notes: read and per-patient search (patient, date = created, encounter, status). */
@Component
public final class DocumentReferenceProvider implements IResourceProvider {
    private final RecordReads reads;
    private final DocumentRepository documents;

    DocumentReferenceProvider(RecordReads reads, DocumentRepository documents) {
        this.reads = reads;
        this.documents = documents;
    }

    @Override
    public Class<DocumentReference> getResourceType() {
        return DocumentReference.class;
    }

    @Read
    public DocumentReference read(@IdParam IdType id) {
        return reads.read(ClinicalQueries.Kind.DOCUMENT, id, documents::find, ClinicalResources::document);
    }

    @Search
    public List<DocumentReference> search(
            @OptionalParam(name = "patient") ReferenceParam patient,
            @OptionalParam(name = "subject") ReferenceParam subject,
            @OptionalParam(name = "date") DateRangeParam date,
            @OptionalParam(name = "encounter") ReferenceParam encounter,
            @OptionalParam(name = "status") TokenParam status) {
        return reads.search("DocumentReference", new RecordReads.PatientParam(patient, subject),
                RecordReads.filter(date, null, encounter), this::documents, ClinicalResources::document,
                r -> RecordReads.matches(status, r.getStatus().toCode()));
    }

    private List<ClinicalDocument> documents(UUID patientId, ClinicalQueries.Filter filter) {
        return documents.forPatient(patientId).stream()
                .filter(d -> filter.from() == null || !d.createdAt().isBefore(filter.from()))
                .filter(d -> filter.to() == null || !d.createdAt().isAfter(filter.to()))
                .filter(d -> filter.encounterId() == null || filter.encounterId().equals(d.encounterId()))
                .toList();
    }
}
