package org.custodian.interop.fhir;

import static org.custodian.interop.fhir.FhirJson.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.custodian.interop.fhir.EncounterMapping.EncounterRef;
import org.custodian.privacy.AuditAction;
import org.custodian.privacy.AuditEntry;
import org.custodian.privacy.AuditOutcome;
import org.custodian.record.ClinicalDocument;
import org.custodian.record.Encounter;
import org.custodian.record.EncounterCharge;
import org.custodian.record.Facility;
import org.custodian.record.FacilityType;
import org.custodian.record.Mrn;
import org.custodian.record.Observation;
import org.custodian.record.Provenance;
import org.custodian.record.RecordWriter;

/**
 * Loads one Synthea patient bundle; the caller holds the transaction. Entries are mapped as they
 * stream by and written in batches. A fact whose encounter has not been seen yet waits until the
 * end of the file, so rows always reach the database after the rows they refer to. The Patient is
 * matched through the master patient index under the physician office's thresholds (the demo's
 * front door): a certain match gets the bundle's facts and MRNs instead of a new patient; a new
 * patient with possible duplicates is queued for review once its row is written.
 */
final class PatientBundleLoader {
    private static final int FLUSH_ROWS = 5_000;
    private static final Set<String> CLINICAL =
            Set.of("Encounter", "Condition", "Procedure", "Observation", "DocumentReference", "Claim");

    private record Waiting(int index, JsonNode entry) {
    }

    /** What the master patient index made of the bundle's patient. */
    enum Identity { NEW, LINKED, QUEUED_FOR_REVIEW }

    private final ImportContext context;
    private final String file;
    private final Provenance provenance;
    private final RecordWriter.Batch batch;
    private final Map<String, EncounterRef> encounters = new HashMap<>();
    private final Set<FacilityType> registeredAt = EnumSet.noneOf(FacilityType.class);
    private final List<Waiting> waiting = new ArrayList<>();
    private final Map<String, Integer> skipped = new TreeMap<>();
    private String syntheaPatientId;
    private UUID patientId;
    private Set<String> patientReferences = Set.of();
    private boolean alreadyLoaded;
    private int resources;
    private Identity identity = Identity.NEW;
    private String identityNote = "";

    PatientBundleLoader(ImportContext context, String file) {
        this.context = context;
        this.file = file;
        this.provenance = Provenance.now(ImportContext.SOURCE_SYSTEM, file, context.actor());
        this.batch = context.writer().batch();
    }

    /** Loads the bundle, or finds its patient already there; a bad bundle throws {@link BundleException}. */
    BundleOutcome load(Path path) {
        BundleReader.read(path, type -> type.equals("Patient") || CLINICAL.contains(type), this::visit,
                type -> skipped.merge(type, 1, Integer::sum));
        if (alreadyLoaded) {
            return new BundleOutcome.AlreadyLoaded(file, patientId);
        }
        if (patientId == null) {
            throw new BundleException("Bundle", "has no Patient entry; a patient bundle holds exactly one");
        }
        mapWaiting();
        if (registeredAt.isEmpty()) {
            // A patient with no encounter is still someone's patient: registered at the physician
            // office, so that some facility holds (and may show) the record.
            register(FacilityType.PHYSICIAN_OFFICE);
        }
        batch.flush();
        verifyRegistration();
        if (identity == Identity.NEW && context.matching().flagPossibleDuplicates(patientId, matchingFacility()) > 0) {
            identity = Identity.QUEUED_FOR_REVIEW;
            identityNote = "; possible duplicates queued for review by the master patient index";
        }
        context.audit().record(new AuditEntry(context.actor(), "SYSTEM", AuditAction.CREATE, AuditOutcome.SUCCESS,
                patientId, "Patient", patientId.toString(), "imported from " + file + ": " + resources + " resources"
                + identityNote, null));
        return new BundleOutcome.Loaded(file, patientId, resources);
    }

    /** Resources of types the record does not hold, by type. */
    Map<String, Integer> skipped() {
        return skipped;
    }

    /** What the master patient index made of the bundle's patient. */
    Identity identity() {
        return identity;
    }

    /** The facilities where the patient got an MRN. */
    Set<FacilityType> registeredAt() {
        return registeredAt;
    }

    private boolean visit(int index, JsonNode entry) {
        JsonNode resource = entry.path("resource");
        String type = text(resource, "/resourceType");
        if (type == null) {
            throw new BundleException("Bundle.entry[" + index + "].resource.resourceType", "is required");
        }
        if (type.equals("Patient")) {
            return inEntry(index, type, () -> patient(entry, resource));
        }
        if (!CLINICAL.contains(type)) {
            skipped.merge(type, 1, Integer::sum);
            return true;
        }
        if (!inEntry(index, type, () -> map(type, entry, resource))) {
            waiting.add(new Waiting(index, entry));
        }
        if (batch.size() >= FLUSH_ROWS) {
            batch.flush();
        }
        return true;
    }

    /** Encounters first, so that the facts waiting for them find them. */
    private void mapWaiting() {
        for (boolean encounterPass : new boolean[] {true, false}) {
            for (Waiting w : waiting) {
                JsonNode resource = w.entry().path("resource");
                String type = text(resource, "/resourceType");
                if (type.equals("Encounter") == encounterPass
                        && !inEntry(w.index(), type, () -> map(type, w.entry(), resource))) {
                    String pointer = encounterPointer(type, resource);
                    throw new BundleException(FhirJson.path(pointer), "refers to " + text(resource, pointer)
                            + ", which is not an Encounter in this bundle").inEntry(w.index());
                }
            }
        }
    }

    private boolean patient(JsonNode entry, JsonNode resource) {
        if (patientId != null) {
            throw new BundleException("", "a patient bundle holds one Patient; this is a second one");
        }
        syntheaPatientId = resourceId(entry, resource);
        patientId = SyntheaIds.patientId(syntheaPatientId);
        patientReferences = references(entry, "Patient", syntheaPatientId);
        Optional<UUID> loadedBefore = loadedBefore();
        if (loadedBefore.isPresent()) {
            patientId = loadedBefore.get();
            alreadyLoaded = true;
            return false;
        }
        var incoming = PatientMapping.patient(resource, patientId);
        String ssn = PatientMapping.ssn(resource);
        Optional<PatientIdentity.Link> link = context.matching().certainMatch(incoming, ssn, matchingFacility());
        if (link.isPresent()) {
            patientId = link.get().patientId();
            identity = Identity.LINKED;
            identityNote = String.format(java.util.Locale.ROOT, "; the master patient index matched the bundle's"
                    + " patient to this one (weight %.1f): linked to it instead of creating a duplicate",
                    link.get().weight());
            return true;
        }
        batch.patient(incoming, ssn, provenance);
        resources++;
        return true;
    }

    /**
     * The patient an earlier run loaded this bundle into: the one with the bundle's own id, or the
     * one the master patient index linked it to, found by an MRN the bundle's patient gets.
     */
    private Optional<UUID> loadedBefore() {
        if (context.patients().find(patientId).isPresent()) {
            return Optional.of(patientId);
        }
        for (FacilityType type : EnumSet.of(FacilityType.HOSPITAL, FacilityType.PHYSICIAN_OFFICE, FacilityType.NURSING_HOME)) {
            Optional<UUID> holder = context.patients().findByMrn(context.facilities().of(type).id(),
                    SyntheaIds.mrn(DemoFacilities.mrnPrefix(type), syntheaPatientId));
            if (holder.isPresent()) {
                return holder;
            }
        }
        return Optional.empty();
    }

    private UUID matchingFacility() {
        return context.facilities().of(FacilityType.PHYSICIAN_OFFICE).id();
    }

    /** Maps a clinical resource; false when what it refers to (patient, encounter) is not known yet. */
    private boolean map(String type, JsonNode entry, JsonNode resource) {
        if (patientId == null) {
            return false;
        }
        requireSubject(type, resource);
        String id = resourceId(entry, resource);
        if (type.equals("Encounter")) {
            encounter(entry, resource, id);
            resources++;
            return true;
        }
        String encounterReference = text(resource, encounterPointer(type, resource));
        EncounterRef encounter = encounterReference == null ? null : encounters.get(encounterReference);
        if (encounterReference != null && encounter == null) {
            return false;
        }
        UUID encounterId = encounter == null ? null : encounter.id();
        switch (type) {
            case "Condition" -> batch.diagnosis(FactMapping.diagnosis(resource, id, patientId, encounterId), provenance);
            case "Procedure" -> batch.procedure(FactMapping.procedure(resource, id, patientId, encounterId), provenance);
            case "Observation" -> {
                List<Observation> results = FactMapping.observations(resource, id, patientId, encounterId);
                if (results.isEmpty()) {
                    skipped.merge("Observation without a value", 1, Integer::sum);
                    return true;
                }
                results.forEach(o -> batch.observation(o, provenance));
            }
            case "DocumentReference" -> {
                UUID author = context.practitioners().resolve(resource.path("author").path(0));
                ClinicalDocument document = DocumentMapping.document(resource, id, patientId, encounter, author, provenance);
                if (document == null) {
                    skipped.merge("DocumentReference not in plain text", 1, Integer::sum);
                    return true;
                }
                batch.document(document);
            }
            case "Claim" -> {
                EncounterCharge charge = encounterId == null ? null
                        : ChargeMapping.charge(resource, SyntheaIds.id("Claim", id), patientId, encounterId);
                if (charge == null) {
                    skipped.merge("Claim without charges to an encounter", 1, Integer::sum);
                    return true;
                }
                batch.charge(charge, provenance);
            }
            default -> throw new IllegalStateException("not a clinical type: " + type);
        }
        resources++;
        return true;
    }

    private void encounter(JsonNode entry, JsonNode resource, String id) {
        EncounterPlacement.Placement placement = EncounterMapping.placement(resource, context.organizationNames());
        Facility facility = context.facilities().of(placement.facility());
        UUID attending = context.practitioners().resolve(EncounterMapping.attendingReference(resource));
        Encounter encounter = EncounterMapping.encounter(resource, id, patientId, facility,
                placement.encounterClass(), attending);
        register(placement.facility());
        batch.encounter(encounter, provenance);
        EncounterRef ref = new EncounterRef(encounter.id(), encounter.encounterClass(),
                EncounterMapping.typeText(resource), encounter.admitAt(), encounter.dischargeAt());
        for (String key : references(entry, "Encounter", id)) {
            encounters.put(key, ref);
        }
    }

    /** The patient gets an MRN at every facility where they have an encounter, and only there. */
    private void register(FacilityType type) {
        if (registeredAt.add(type)) {
            Facility facility = context.facilities().of(type);
            batch.identifier(patientId, new Mrn(facility.id(),
                    SyntheaIds.mrn(DemoFacilities.mrnPrefix(type), syntheaPatientId)));
        }
    }

    /** MRNs are written with ON CONFLICT DO NOTHING; one taken by another patient must not pass silently. */
    private void verifyRegistration() {
        Set<UUID> held = context.patients().facilitiesOf(patientId);
        for (FacilityType type : registeredAt) {
            Facility facility = context.facilities().of(type);
            if (!held.contains(facility.id())) {
                throw new BundleException("Bundle", "MRN " + SyntheaIds.mrn(DemoFacilities.mrnPrefix(type),
                        syntheaPatientId) + " at " + facility.code() + " already belongs to another patient");
            }
        }
    }

    private void requireSubject(String type, JsonNode resource) {
        String element = type.equals("Claim") ? "patient" : "subject";
        String subject = text(resource, "/" + element + "/reference");
        if (subject == null) {
            throw new BundleException(element + ".reference", "is required");
        }
        if (!patientReferences.contains(subject)) {
            throw new BundleException(element + ".reference", "refers to " + subject + ", not to this bundle's Patient");
        }
    }

    private static boolean inEntry(int index, String type, java.util.function.BooleanSupplier mapping) {
        try {
            return mapping.getAsBoolean();
        } catch (BundleException e) {
            throw e.inEntry(index);
        } catch (IllegalArgumentException e) {
            throw new BundleException("Bundle.entry[" + index + "]", type + ": " + e.getMessage());
        }
    }

    private static String encounterPointer(String type, JsonNode resource) {
        return switch (type) {
            case "DocumentReference" -> "/context/encounter/0/reference";
            case "Claim" -> ChargeMapping.encounterPointer(resource);
            default -> "/encounter/reference";
        };
    }

    static String resourceId(JsonNode entry, JsonNode resource) {
        String id = text(resource, "/id");
        if (id != null) {
            return id;
        }
        String fullUrl = text(entry, "/fullUrl");
        if (fullUrl == null) {
            throw new BundleException("id", "is required (or the entry's fullUrl)");
        }
        return fullUrl.substring(fullUrl.lastIndexOf(fullUrl.startsWith("urn:uuid:") ? ':' : '/') + 1);
    }

    /** The ways other entries of the bundle may refer to this one. */
    private static Set<String> references(JsonNode entry, String type, String id) {
        String fullUrl = text(entry, "/fullUrl");
        return fullUrl == null ? Set.of(type + "/" + id, "urn:uuid:" + id)
                : Set.copyOf(List.of(fullUrl, type + "/" + id, "urn:uuid:" + id));
    }
}
