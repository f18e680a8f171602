package org.custodian.interop.fhir;

import static org.custodian.interop.fhir.FhirJson.conditionalIdentifier;
import static org.custodian.interop.fhir.FhirJson.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.custodian.record.Practitioner;
import org.custodian.record.PractitionerRepository;

/**
 * Finds practitioners by NPI for one import run. Only rows known to be committed are cached, so a
 * rolled-back bundle never leaves the cache pointing at a practitioner that is not there.
 */
final class Practitioners {
    static final String NPI_SYSTEM = "http://hl7.org/fhir/sid/us-npi";

    private final PractitionerRepository repository;
    private final Map<String, UUID> byNpi = new ConcurrentHashMap<>();

    Practitioners(PractitionerRepository repository) {
        this.repository = repository;
    }

    /** Adds a Practitioner resource (from Synthea's practitioner bundle); call in its own transaction. */
    String add(JsonNode practitioner) {
        String npi = null;
        for (JsonNode identifier : practitioner.path("identifier")) {
            if (NPI_SYSTEM.equals(text(identifier, "/system"))) {
                npi = text(identifier, "/value");
            }
        }
        if (npi == null) {
            throw new BundleException("identifier", "has no NPI (system " + NPI_SYSTEM + ")");
        }
        String family = FhirJson.required(practitioner, "/name/0/family");
        String given = PatientMapping.given(practitioner.path("name").path(0));
        repository.ensure(new Practitioner(SyntheaIds.id("Practitioner", npi), npi, given, family));
        return npi;
    }

    /** Marks the practitioners added in a transaction that has now committed as safe to cache. */
    void committed(Iterable<String> npis) {
        for (String npi : npis) {
            repository.byNpi(npi).ifPresent(p -> byNpi.put(npi, p.id()));
        }
    }

    /**
     * The practitioner a reference such as {@code Practitioner?identifier=...us-npi|9999957191}
     * names, added from the reference's display name if not known yet; null if it names no NPI.
     */
    UUID resolve(JsonNode reference) {
        String npi = conditionalIdentifier(text(reference, "/reference"));
        if (npi == null) {
            return null;
        }
        UUID cached = byNpi.get(npi);
        if (cached != null) {
            return cached;
        }
        var known = repository.byNpi(npi);
        if (known.isPresent()) {
            byNpi.put(npi, known.get().id());
            return known.get().id();
        }
        return repository.ensure(fromDisplay(npi, text(reference, "/display"))).id();
    }

    /** "Dr. Hank Schneider" as given "Hank", family "Schneider"; titles (words ending in '.') dropped. */
    static Practitioner fromDisplay(String npi, String display) {
        String[] words = (display == null ? "" : display.trim()).split("\\s+");
        StringBuilder given = new StringBuilder();
        String family = null;
        for (String word : words) {
            if (word.isEmpty() || word.endsWith(".")) {
                continue;
            }
            if (family != null) {
                given.append(given.isEmpty() ? "" : " ").append(family);
            }
            family = word;
        }
        return new Practitioner(SyntheaIds.id("Practitioner", npi), npi, given.toString(),
                family == null ? "NPI " + npi : family);
    }
}
