package org.custodian.terminology;

import java.util.List;
import java.util.Objects;

/**
 * What a new release changed against the previous release of the same system: codes added, deleted,
 * and revised (description or billable flag changed), with the first few of each as examples.
 */
public record ReleaseChanges(Release previous, int added, int deleted, int revised,
                             List<String> addedExamples, List<String> deletedExamples, List<String> revisedExamples) {
    public ReleaseChanges {
        Objects.requireNonNull(previous, "previous");
        addedExamples = List.copyOf(addedExamples);
        deletedExamples = List.copyOf(deletedExamples);
        revisedExamples = List.copyOf(revisedExamples);
    }
}
