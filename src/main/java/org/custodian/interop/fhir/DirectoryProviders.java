package org.custodian.interop.fhir;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.util.List;
import org.custodian.record.ClinicalQueries;
import org.custodian.record.FacilityRepository;
import org.custodian.record.PractitionerRepository;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Practitioner;
import org.springframework.stereotype.Component;

/** The directory: facilities as Organizations and practitioners. Not PHI; any signed-in user may read it. */
public final class DirectoryProviders {
    private DirectoryProviders() {
    }

    @Component
    public static final class OrganizationProvider implements IResourceProvider {
        private final FacilityRepository facilities;

        OrganizationProvider(FacilityRepository facilities) {
            this.facilities = facilities;
        }

        @Override
        public Class<Organization> getResourceType() {
            return Organization.class;
        }

        @Read
        public Organization read(@IdParam IdType id) {
            ApiCaller.current();
            return facilities.find(FhirIds.uuid(id)).map(PeopleResources::organization)
                    .orElseThrow(() -> new ResourceNotFoundException(id));
        }

        @Search
        public List<Organization> search(@OptionalParam(name = Organization.SP_IDENTIFIER) TokenParam identifier) {
            ApiCaller.current();
            return facilities.all().stream()
                    .filter(f -> identifier == null || f.code().equalsIgnoreCase(identifier.getValue()))
                    .map(PeopleResources::organization).toList();
        }
    }

    @Component
    public static final class PractitionerProvider implements IResourceProvider {
        private final PractitionerRepository practitioners;
        private final ClinicalQueries queries;

        PractitionerProvider(PractitionerRepository practitioners, ClinicalQueries queries) {
            this.practitioners = practitioners;
            this.queries = queries;
        }

        @Override
        public Class<Practitioner> getResourceType() {
            return Practitioner.class;
        }

        @Read
        public Practitioner read(@IdParam IdType id) {
            ApiCaller.current();
            return practitioners.find(FhirIds.uuid(id)).map(PeopleResources::practitioner)
                    .orElseThrow(() -> new ResourceNotFoundException(id));
        }

        @Search
        public List<Practitioner> search(@OptionalParam(name = Practitioner.SP_IDENTIFIER) TokenParam identifier) {
            ApiCaller.current();
            return queries.practitioners(identifier == null ? null : identifier.getValue(), PatientProvider.MAX_RESULTS)
                    .stream().map(PeopleResources::practitioner).toList();
        }
    }
}
