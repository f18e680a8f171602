package org.custodian.interop.fhir;

import static org.custodian.interop.fhir.FhirJson.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.custodian.record.FacilityType;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One run of loading Synthea output: organizations, then practitioners, then patient bundles, each
 * patient bundle in a transaction of its own. A rejected bundle is reported and the run goes on.
 * Keeps the run's totals; not for use by several threads at once.
 */
public final class SyntheaImport {
    private final ImportContext context;
    private final TransactionTemplate transactions;
    private final Map<String, String> organizationNames;
    private final List<BundleOutcome.Rejected> rejected = new ArrayList<>();
    private final Map<String, Integer> skipped = new TreeMap<>();
    private final Map<FacilityType, Integer> patientsByFacility = new EnumMap<>(FacilityType.class);
    private int loaded;
    private int alreadyLoaded;
    private final Map<PatientBundleLoader.Identity, Integer> identities = new EnumMap<>(PatientBundleLoader.Identity.class);
    private long resources;

    SyntheaImport(ImportContext context, TransactionTemplate transactions, Map<String, String> organizationNames) {
        this.context = context;
        this.transactions = transactions;
        this.organizationNames = organizationNames;
    }

    public DemoFacilities facilities() {
        return context.facilities();
    }

    /**
     * Reads organization names from a hospital bundle, to place encounters whose service provider
     * carries no display name. Organizations are not stored: they fold into the demo facilities.
     */
    public BundleOutcome loadOrganizations(Path bundle) {
        return loadOrganizations(bundle, bundle.getFileName().toString());
    }

    BundleOutcome loadOrganizations(Path bundle, String file) {
        Map<String, String> names = new HashMap<>();
        return outcome(file, () -> {
            int count = readEntries(bundle, "Organization", (index, resource) -> {
                String name = FhirJson.required(resource, "/name");
                for (JsonNode identifier : resource.path("identifier")) {
                    names.put(text(identifier, "/value"), name);
                }
                names.put(text(resource, "/id"), name);
            });
            names.remove(null);
            organizationNames.putAll(names);
            return new BundleOutcome.Loaded(file, null, count);
        });
    }

    /** Adds the practitioners of a practitioner bundle, in one transaction. */
    public BundleOutcome loadPractitioners(Path bundle) {
        return loadPractitioners(bundle, bundle.getFileName().toString());
    }

    BundleOutcome loadPractitioners(Path bundle, String file) {
        List<String> npis = new ArrayList<>();
        return outcome(file, () -> {
            BundleOutcome result = transactions.execute(status -> new BundleOutcome.Loaded(file, null,
                    readEntries(bundle, "Practitioner", (index, resource) -> npis.add(context.practitioners().add(resource)))));
            context.practitioners().committed(npis);
            return result;
        });
    }

    /** Loads one patient bundle in one transaction, or skips it when its patient is already there. */
    public BundleOutcome loadPatient(Path bundle) {
        return loadPatient(bundle, bundle.getFileName().toString());
    }

    /** The same, naming the bundle {@code file} in provenance and messages (e.g. when it came over HTTP). */
    BundleOutcome loadPatient(Path bundle, String file) {
        return outcome(file, () -> {
            PatientBundleLoader loader = new PatientBundleLoader(context, file);
            BundleOutcome outcome = transactions.execute(status -> loader.load(bundle));
            if (outcome instanceof BundleOutcome.Loaded done) {
                loaded++;
                resources += done.resources();
                loader.skipped().forEach((type, n) -> skipped.merge(type, n, Integer::sum));
                loader.registeredAt().forEach(f -> patientsByFacility.merge(f, 1, Integer::sum));
                identities.merge(loader.identity(), 1, Integer::sum);
            } else {
                alreadyLoaded++;
            }
            return outcome;
        });
    }

    public ImportSummary summary() {
        return new ImportSummary(loaded, alreadyLoaded, rejected, resources, skipped, patientsByFacility,
                identities.getOrDefault(PatientBundleLoader.Identity.LINKED, 0),
                identities.getOrDefault(PatientBundleLoader.Identity.QUEUED_FOR_REVIEW, 0));
    }

    private interface ResourceVisitor {
        void visit(int index, JsonNode resource);
    }

    /** Visits the resources of one type, counting the others as skipped; returns how many were visited. */
    private int readEntries(Path bundle, String type, ResourceVisitor visitor) {
        var count = new int[1];
        BundleReader.read(bundle, (index, entry) -> {
            JsonNode resource = entry.path("resource");
            String resourceType = text(resource, "/resourceType");
            if (type.equals(resourceType)) {
                try {
                    visitor.visit(index, resource);
                } catch (BundleException e) {
                    throw e.inEntry(index);
                } catch (IllegalArgumentException e) {
                    throw new BundleException("Bundle.entry[" + index + "]", type + ": " + e.getMessage());
                }
                count[0]++;
            } else {
                skipped.merge(resourceType == null ? "(no resourceType)" : resourceType, 1, Integer::sum);
            }
            return true;
        });
        return count[0];
    }

    private BundleOutcome outcome(String file, java.util.function.Supplier<BundleOutcome> load) {
        BundleOutcome outcome;
        try {
            outcome = load.get();
        } catch (BundleException e) {
            outcome = new BundleOutcome.Rejected(file, e.getMessage());
        } catch (DataAccessException e) {
            String cause = NestedExceptionUtils.getMostSpecificCause(e).getMessage();
            outcome = new BundleOutcome.Rejected(file, "the database refused it: "
                    + (cause == null ? e.getClass().getSimpleName() : cause.lines().findFirst().orElse(cause)));
        } catch (UncheckedIOException e) {
            outcome = new BundleOutcome.Rejected(file, e.getMessage());
        }
        if (outcome instanceof BundleOutcome.Rejected no) {
            rejected.add(no);
        }
        return outcome;
    }
}
