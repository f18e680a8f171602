package org.custodian.interop.fhir;

import static org.custodian.interop.fhir.FhirJson.coding;
import static org.custodian.interop.fhir.FhirJson.conceptText;
import static org.custodian.interop.fhir.FhirJson.decimal;
import static org.custodian.interop.fhir.FhirJson.instant;
import static org.custodian.interop.fhir.FhirJson.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.custodian.record.CodedValue;
import org.custodian.record.Diagnosis;
import org.custodian.record.Observation;
import org.custodian.record.Procedure;

/** FHIR Condition, Procedure and Observation as the record's diagnoses, procedures and results. */
final class FactMapping {
    static final String SNOMED = "http://snomed.info/sct";
    static final String LOINC = "http://loinc.org";

    private FactMapping() {
    }

    static Diagnosis diagnosis(JsonNode condition, String syntheaId, UUID patientId, UUID encounterId) {
        return new Diagnosis(SyntheaIds.id("Condition", syntheaId), patientId, encounterId,
                code(condition.path("code"), "/code", SNOMED), null, null, false,
                instant(condition, "/onsetDateTime"), instant(condition, "/abatementDateTime"));
    }

    static Procedure procedure(JsonNode procedure, String syntheaId, UUID patientId, UUID encounterId) {
        Instant performed = instant(procedure, "/performedDateTime");
        if (performed == null) {
            performed = instant(procedure, "/performedPeriod/start");
        }
        return new Procedure(SyntheaIds.id("Procedure", syntheaId), patientId, encounterId,
                code(procedure.path("code"), "/code", SNOMED), performed);
    }

    /**
     * One result per value: the observation's own value, or one per component (blood pressure is
     * two components, systolic and diastolic). An observation without any value gives none.
     */
    static List<Observation> observations(JsonNode observation, String syntheaId, UUID patientId, UUID encounterId) {
        Instant observed = instant(observation, "/effectiveDateTime");
        if (observed == null) {
            observed = instant(observation, "/effectivePeriod/start");
        }
        if (observed == null) {
            observed = instant(observation, "/issued");
        }
        if (observed == null) {
            throw new BundleException("effectiveDateTime", "is required (or effectivePeriod.start or issued)");
        }
        Observation.Status status = status(observation);
        List<Observation> results = new ArrayList<>();
        Observation own = result(observation, "", SyntheaIds.id("Observation", syntheaId), patientId, encounterId,
                observed, status);
        if (own != null) {
            results.add(own);
        }
        JsonNode components = observation.path("component");
        for (int i = 0; i < components.size(); i++) {
            Observation component = result(components.get(i), "/component/" + i,
                    SyntheaIds.id("Observation", syntheaId + "#" + i), patientId, encounterId, observed, status);
            if (component != null) {
                results.add(component);
            }
        }
        return results;
    }

    /** Observation.status; a resource without one (FHIR requires it) is kept as a final result. */
    private static Observation.Status status(JsonNode observation) {
        String code = text(observation, "/status");
        if (code == null) {
            return Observation.Status.FINAL;
        }
        return Observation.Status.ofCode(code).orElseThrow(() -> new BundleException("status", "'" + code
                + "' is not an observation status (registered, preliminary, final, amended, corrected, cancelled,"
                + " entered-in-error, unknown)"));
    }

    private static Observation result(JsonNode node, String at, UUID id, UUID patientId, UUID encounterId,
                                      Instant observed, Observation.Status status) {
        BigDecimal numeric = decimal(node, "/valueQuantity/value");
        String unit = numeric == null ? null : first(text(node, "/valueQuantity/unit"), text(node, "/valueQuantity/code"));
        String valueText = null;
        if (numeric == null) {
            numeric = decimal(node, "/valueInteger");
        }
        if (numeric == null && node.has("valueCodeableConcept")) {
            valueText = conceptText(node.path("valueCodeableConcept"));
        }
        if (numeric == null && valueText == null) {
            valueText = first(text(node, "/valueString"), text(node, "/valueBoolean"));
        }
        if (numeric == null && valueText == null) {
            return null;
        }
        JsonNode code = coding(node.path("code"), LOINC);
        String loinc = text(code, "/code");
        if (loinc == null) {
            throw new BundleException(FhirJson.path(at + "/code/coding/0/code"), "is required");
        }
        JsonNode range = node.path("referenceRange").path(0);
        return new Observation(id, patientId, encounterId, loinc,
                first(text(code, "/display"), conceptText(node.path("code"))), numeric, valueText, unit,
                decimal(range, "/low/value"), decimal(range, "/high/value"), null, observed, status);
    }

    /** A CodeableConcept's coding in the preferred system (else its first) as a coded value. */
    static CodedValue code(JsonNode concept, String at, String preferredSystem) {
        JsonNode coding = coding(concept, preferredSystem);
        String system = text(coding, "/system");
        String code = text(coding, "/code");
        if (system == null || code == null) {
            throw new BundleException(FhirJson.path(at + "/coding/0"), "needs a system and a code");
        }
        return new CodedValue(system, code, first(text(coding, "/display"), text(concept, "/text")));
    }

    private static String first(String a, String b) {
        return a != null ? a : b;
    }
}
