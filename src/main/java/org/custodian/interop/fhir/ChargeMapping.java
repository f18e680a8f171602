package org.custodian.interop.fhir;

import static org.custodian.interop.fhir.FhirJson.decimal;
import static org.custodian.interop.fhir.FhirJson.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.Set;
import java.util.UUID;
import org.custodian.record.EncounterCharge;

/**
 * A FHIR Claim as the gross charges of the encounter it bills: {@code Claim.total} (Synthea puts the
 * encounter's whole cost there) against the first encounter its items name.
 */
final class ChargeMapping {
    private static final String DEFAULT_ENCOUNTER = "/item/0/encounter/0/reference";
    private static final Set<String> VOID = Set.of("cancelled", "entered-in-error", "draft");

    private ChargeMapping() {
    }

    /** Where the claim names its encounter: the first item that names one (else where it would be). */
    static String encounterPointer(JsonNode claim) {
        JsonNode items = claim.path("item");
        for (int i = 0; i < items.size(); i++) {
            JsonNode encounters = items.get(i).path("encounter");
            for (int j = 0; j < encounters.size(); j++) {
                if (text(encounters.get(j), "/reference") != null) {
                    return "/item/" + i + "/encounter/" + j + "/reference";
                }
            }
        }
        return DEFAULT_ENCOUNTER;
    }

    /**
     * The charge the claim bills, or null when it bills none: a pre-authorization or predetermination
     * rather than a claim, or a claim cancelled, drafted or entered in error.
     */
    static EncounterCharge charge(JsonNode claim, UUID id, UUID patientId, UUID encounterId) {
        String use = text(claim, "/use");
        if (VOID.contains(text(claim, "/status")) || use != null && !use.equals("claim")) {
            return null;
        }
        BigDecimal total = decimal(claim, "/total/value");
        if (total == null) {
            throw new BundleException("total.value", "is required: the claim's gross charges");
        }
        String currency = text(claim, "/total/currency");
        try {
            return new EncounterCharge(id, patientId, encounterId, total, currency == null ? "USD" : currency);
        } catch (IllegalArgumentException e) {
            throw new BundleException("total", e.getMessage());
        }
    }
}
