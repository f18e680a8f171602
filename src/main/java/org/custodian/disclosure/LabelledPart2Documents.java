package org.custodian.disclosure;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.custodian.privacy.SensitivityLabel;
import org.custodian.privacy.SensitivityLabels;
import org.springframework.stereotype.Component;

/**
 * The protected records as privacy's sensitivity labels mark them: each category, Part 2 included, on the
 * document, its encounter or the whole patient.
 */
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

    @Override
    public Map<UUID, Set<SensitivityLabel>> categories(Collection<UUID> documentIds) {
        return labels.documentLabels(documentIds);
    }
}
