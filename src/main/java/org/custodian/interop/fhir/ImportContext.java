package org.custodian.interop.fhir;

import java.util.Map;
import org.custodian.privacy.AuditTrail;
import org.custodian.record.PatientRepository;
import org.custodian.record.RecordWriter;

/** What loading one bundle needs from its import run. */
record ImportContext(RecordWriter writer, PatientRepository patients, AuditTrail audit, DemoFacilities facilities,
                     Practitioners practitioners, Map<String, String> organizationNames, String actor,
                     ImportMatching matching) {
    static final String SOURCE_SYSTEM = "synthea";
}
