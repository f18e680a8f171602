package org.custodian.interop.fhir;

import ca.uhn.fhir.model.api.Include;
import ca.uhn.fhir.rest.annotation.ConditionalUrlParam;
import ca.uhn.fhir.rest.annotation.Create;
import ca.uhn.fhir.rest.annotation.History;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.IncludeParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.ResourceParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.annotation.Update;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.custodian.record.ClinicalDocument;
import org.custodian.record.ClinicalQueries;
import org.custodian.record.DocumentRepository;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.IdType;
import org.springframework.stereotype.Component;

/** Clinical notes: read, write, delete (retract), history and per-patient search (patient, date = created, encounter, status). */
@Component
public final class DocumentReferenceProvider implements IResourceProvider {
    private final ResourceCrud crud;
    private final ResourceHistory history;
    private final RecordReads reads;
    private final DocumentRepository documents;
    private final ResourceDeletes deletes;
    private final TypeHistory typeHistory;

    DocumentReferenceProvider(RecordReads reads, DocumentRepository documents, ResourceCrud crud, ResourceHistory history,
                              ResourceDeletes deletes, TypeHistory typeHistory) {
        this.deletes = deletes;
        this.typeHistory = typeHistory;
        this.crud = crud;
        this.history = history;
        this.reads = reads;
        this.documents = documents;
    }

    @Override
    public Class<DocumentReference> getResourceType() {
        return DocumentReference.class;
    }

    @Read(version = true)
    public DocumentReference read(@IdParam IdType id) {
        return reads.read(ClinicalQueries.Kind.DOCUMENT, id, documents::find, ClinicalResources::document);
    }

    @Create
    public MethodOutcome create(@ResourceParam DocumentReference resource, @ConditionalUrlParam String conditional) {
        return crud.create(resource, conditional);
    }

    @Update
    public MethodOutcome update(@IdParam IdType id, @ResourceParam DocumentReference resource) {
        return crud.update(id, resource);
    }

    @History
    public List<IBaseResource> history(@IdParam IdType id) {
        return history.history(id);
    }

    /** Retracts the note (entered in error); nothing is removed from the record ({@link ResourceDeletes}). */
    @ca.uhn.fhir.rest.annotation.Delete
    public MethodOutcome delete(@IdParam IdType id) {
        return deletes.delete(id);
    }

    @History
    public ca.uhn.fhir.rest.api.server.IBundleProvider typeHistory(
            @ca.uhn.fhir.rest.annotation.Since org.hl7.fhir.r4.model.InstantType since,
            @ca.uhn.fhir.rest.annotation.Offset Integer offset, @ca.uhn.fhir.rest.annotation.Count Integer count) {
        return typeHistory.of("DocumentReference", since == null || since.getValue() == null ? null
                : since.getValue().toInstant(), offset, count);
    }

    @Search
    public List<org.hl7.fhir.r4.model.Resource> search(
            @OptionalParam(name = "patient") ReferenceParam patient,
            @OptionalParam(name = "subject") ReferenceParam subject,
            @OptionalParam(name = "date") DateRangeParam date,
            @OptionalParam(name = "encounter") ReferenceParam encounter,
            @OptionalParam(name = "status") TokenParam status,
            @IncludeParam Set<Include> includes,
            @IncludeParam(reverse = true) Set<Include> revIncludes) {
        return reads.search("DocumentReference", new RecordReads.PatientParam(patient, subject),
                RecordReads.filter(date, null, encounter), this::documents, ClinicalResources::document,
                r -> RecordReads.matches(status, r.getStatus().toCode()), includes, revIncludes);
    }

    private List<ClinicalDocument> documents(UUID patientId, ClinicalQueries.Filter filter) {
        return documents.forPatient(patientId).stream() // labelled notes are left out by the search
                .filter(d -> filter.from() == null || !d.createdAt().isBefore(filter.from()))
                .filter(d -> filter.to() == null || !d.createdAt().isAfter(filter.to()))
                .filter(d -> filter.encounterId() == null || filter.encounterId().equals(d.encounterId()))
                .toList();
    }
}
