package org.custodian.interop.fhir;

import static org.custodian.interop.fhir.FhirJson.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Set;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleType;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.springframework.stereotype.Service;

/**
 * Loads one FHIR bundle file of the kinds Synthea writes (hospital, practitioner or patient bundle,
 * told apart by the first entry) through the Synthea importer, and answers with a
 * transaction-response Bundle naming where each entry landed.
 */
@Service
public class BundleIngest {
    private static final Set<String> STORED = Set.of("Patient", "Encounter", "Condition", "Procedure", "Observation",
            "DocumentReference", "Practitioner");

    /** The kinds of bundle Synthea writes. */
    public enum Kind { ORGANIZATIONS, PRACTITIONERS, PATIENT }

    private final SyntheaBundleImporter importer;

    BundleIngest(SyntheaBundleImporter importer) {
        this.importer = importer;
    }

    /** Loads the bundle; {@code name} stands for it in provenance and messages, {@code actor} is who loaded it. */
    public IngestResult load(Path bundle, String name, String actor) {
        return load(importer.begin(actor), bundle, name);
    }

    /** Loads within a run (e.g. a CLI import of many files, which remembers organization names across them). */
    public IngestResult load(SyntheaImport run, Path bundle, String name) {
        Kind kind;
        try {
            kind = kind(bundle);
        } catch (BundleException e) {
            return new IngestResult.Refused(e.where(), e.getMessage());
        } catch (java.io.UncheckedIOException e) {
            return new IngestResult.Refused(null, e.getMessage());
        }
        BundleOutcome outcome = switch (kind) {
            case ORGANIZATIONS -> run.loadOrganizations(bundle, name);
            case PRACTITIONERS -> run.loadPractitioners(bundle, name);
            case PATIENT -> run.loadPatient(bundle, name);
        };
        return switch (outcome) {
            case BundleOutcome.Rejected no -> new IngestResult.Refused(where(no.reason()), no.reason());
            case BundleOutcome.Loaded ok -> new IngestResult.Accepted(ok, kind);
            case BundleOutcome.AlreadyLoaded same -> new IngestResult.Accepted(same, kind);
        };
    }

    /** What the bundle holds, told by its first entry (reading stops there). */
    public static Kind kind(Path bundle) {
        String[] type = new String[1];
        BundleReader.read(bundle, (index, entry) -> {
            type[0] = text(entry, "/resource/resourceType");
            return false;
        });
        return switch (type[0] == null ? "" : type[0]) {
            case "Organization", "Location" -> Kind.ORGANIZATIONS;
            case "Practitioner", "PractitionerRole" -> Kind.PRACTITIONERS;
            default -> Kind.PATIENT;
        };
    }

    /** Rejections start with the element path ("Bundle.entry[3].resource.birthDate: is not ..."). */
    private static String where(String reason) {
        int colon = reason.indexOf(": ");
        return reason.startsWith("Bundle") && colon > 0 ? reason.substring(0, colon) : null;
    }

    /**
     * The transaction-response: one entry per request entry, 201 with the location of what was
     * stored (200 when it was there already), 200 with a note for what the record keeps otherwise.
     */
    public Bundle transactionResponse(Path bundle, IngestResult.Accepted accepted) {
        Bundle response = new Bundle().setType(BundleType.TRANSACTIONRESPONSE);
        boolean patientBundle = accepted.kind() == Kind.PATIENT;
        boolean created = accepted.outcome() instanceof BundleOutcome.Loaded;
        BundleReader.read(bundle, (index, entry) -> {
            JsonNode resource = entry.path("resource");
            String type = String.valueOf(text(resource, "/resourceType"));
            var answer = response.addEntry().getResponse();
            boolean stored = STORED.contains(type) && (patientBundle != type.equals("Practitioner"));
            if (stored && !type.equals("Practitioner")) {
                String id = SyntheaIds.id(type, PatientBundleLoader.resourceId(entry, resource)).toString();
                answer.setStatus(created ? "201 Created" : "200 OK").setLocation(type + "/" + id);
            } else {
                var note = FhirErrors.outcome(IssueType.INFORMATIONAL, null,
                        type + " is " + (stored ? "stored by NPI" : "not kept as a resource of its own"));
                note.getIssueFirstRep().setSeverity(org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity.INFORMATION);
                answer.setStatus("200 OK").setOutcome(note);
            }
            return true;
        });
        return response;
    }
}
