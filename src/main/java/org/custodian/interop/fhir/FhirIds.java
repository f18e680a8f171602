package org.custodian.interop.fhir;

import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.util.UUID;
import org.hl7.fhir.instance.model.api.IIdType;

/** Our ids on the FHIR side: resource ids are the record's UUIDs; MRNs carry their facility's system. */
final class FhirIds {
    /** The identifier system of a facility's MRNs is this prefix and the facility code, e.g. {@code urn:custodian:mrn:RGH}. */
    static final String MRN_SYSTEM_PREFIX = "urn:custodian:mrn:";
    static final String FACILITY_SYSTEM = "urn:custodian:facility";

    private FhirIds() {
    }

    static String mrnSystem(String facilityCode) {
        return MRN_SYSTEM_PREFIX + facilityCode;
    }

    /** The facility code an MRN system names, or null when the system is not one of ours. */
    static String facilityCodeOf(String system) {
        return system != null && system.startsWith(MRN_SYSTEM_PREFIX) ? system.substring(MRN_SYSTEM_PREFIX.length()) : null;
    }

    /** The record id an id part names; an id that is not one of ours cannot exist here: 404. */
    static UUID uuid(IIdType id) {
        UUID parsed = parse(id.getIdPart());
        if (parsed == null) {
            throw new ResourceNotFoundException(id);
        }
        return parsed;
    }

    static UUID parse(String idPart) {
        try {
            return idPart == null ? null : UUID.fromString(idPart);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
