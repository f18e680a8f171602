package org.custodian.disclosure;

import java.util.Collection;
import java.util.Set;
import java.util.UUID;
import org.custodian.privacy.SensitivityLabels;
import org.springframework.stereotype.Component;

/** The Part 2 records as privacy's sensitivity labels mark them: on the document, its encounter or the patient. */
@Component
class LabelledPart2Documents implements DocumentSensitivity {
    private final SensitivityLabels labels;

    LabelledPart2Documents(SensitivityLabels labels) {
        this.labels = labels;
    }

    @Override
    public Set<UUID> part2Documents(Collection<UUID> documentIds) {
        return labels.part2Documents(documentIds);
    }
}
