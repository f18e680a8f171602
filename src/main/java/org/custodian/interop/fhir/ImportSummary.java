package org.custodian.interop.fhir;

import java.util.List;
import java.util.Map;
import org.custodian.record.FacilityType;

/**
 * The totals of an import run. {@code resources} counts FHIR resources written to the record;
 * {@code skippedResourceTypes} counts resources of types the record does not hold, by type. Of the
 * bundles loaded, {@code linked} went to a patient the master patient index certainly matched and
 * {@code queuedForReview} made a new patient with possible duplicates in the review queue.
 */
public record ImportSummary(int loaded, int alreadyLoaded, List<BundleOutcome.Rejected> rejected, long resources,
                            Map<String, Integer> skippedResourceTypes, Map<FacilityType, Integer> patientsByFacility,
                            int linked, int queuedForReview) {
    public ImportSummary {
        rejected = List.copyOf(rejected);
        skippedResourceTypes = Map.copyOf(skippedResourceTypes);
        patientsByFacility = Map.copyOf(patientsByFacility);
    }

    public int skippedResources() {
        return skippedResourceTypes.values().stream().mapToInt(Integer::intValue).sum();
    }
}
