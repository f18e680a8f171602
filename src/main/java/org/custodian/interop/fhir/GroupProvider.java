package org.custodian.interop.fhir;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OperationParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.UUID;
import org.custodian.record.Facility;
import org.custodian.record.FacilityRepository;
import org.hl7.fhir.r4.model.Group;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.springframework.stereotype.Component;

/**
 * A Group is a facility's patients: {@code Group/[facility id]} holds everyone with a medical
 * record number there. It exists for bulk export ({@code Group/[id]/$export}); members are not listed.
 */
@Component
public final class GroupProvider implements IResourceProvider {
    private final FacilityRepository facilities;
    private final ExportOperations exports;

    GroupProvider(FacilityRepository facilities, ExportOperations exports) {
        this.facilities = facilities;
        this.exports = exports;
    }

    @Override
    public Class<Group> getResourceType() {
        return Group.class;
    }

    @Read
    public Group read(@IdParam IdType id) {
        ApiCaller.current();
        return facilities.find(FhirIds.uuid(id)).map(GroupProvider::group)
                .orElseThrow(() -> new ResourceNotFoundException(id));
    }

    @Search
    public List<Group> all() {
        ApiCaller.current();
        return facilities.all().stream().map(GroupProvider::group).toList();
    }

    @Operation(name = "$export", idempotent = true, manualResponse = true)
    public void export(@IdParam IdType id, @OperationParam(name = "_type") StringType type,
                       @OperationParam(name = "_since") InstantType since,
                       @OperationParam(name = "_outputFormat") StringType outputFormat,
                       RequestDetails request, HttpServletResponse response) throws IOException {
        UUID facility = facilities.find(FhirIds.uuid(id)).map(Facility::id)
                .orElseThrow(() -> new ResourceNotFoundException(id));
        exports.kickOff(ExportJobs.Level.GROUP, facility, type, since, outputFormat, request, response);
    }

    private static Group group(Facility f) {
        Group group = new Group();
        group.setId(f.id().toString());
        group.setType(Group.GroupType.PERSON).setActual(true).setName("Patients of " + f.name());
        group.addIdentifier().setSystem(FhirIds.FACILITY_SYSTEM).setValue(f.code());
        group.setManagingEntity(new Reference("Organization/" + f.id()));
        return group;
    }
}
