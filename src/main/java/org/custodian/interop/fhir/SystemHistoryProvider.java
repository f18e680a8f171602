package org.custodian.interop.fhir;

import ca.uhn.fhir.rest.annotation.Count;
import ca.uhn.fhir.rest.annotation.History;
import ca.uhn.fhir.rest.annotation.Offset;
import ca.uhn.fhir.rest.annotation.Since;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import org.hl7.fhir.r4.model.InstantType;
import org.springframework.stereotype.Component;

/** {@code GET /fhir/_history}: every version of the patient record's resources, as {@link TypeHistory} lists them. */
@Component
public final class SystemHistoryProvider {
    private final TypeHistory history;

    SystemHistoryProvider(TypeHistory history) {
        this.history = history;
    }

    @History
    public IBundleProvider history(@Since InstantType since, @Offset Integer offset, @Count Integer count) {
        return history.ofAll(since == null || since.getValue() == null ? null : since.getValue().toInstant(), offset,
                count);
    }
}
