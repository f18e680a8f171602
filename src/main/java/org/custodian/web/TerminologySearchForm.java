package org.custodian.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.custodian.terminology.CodeSystem;
import org.custodian.terminology.SearchQuery;

/** The code search as the page or a typeahead sends it: words or a code, an optional date of service and system. */
record TerminologySearchForm(String q, String date, String system) {
    boolean isEmpty() {
        return q == null || q.isBlank();
    }

    SearchQuery toQuery(int limit) {
        Optional<LocalDate> on = Optional.empty();
        if (date != null && !date.isBlank()) {
            try {
                on = Optional.of(LocalDate.parse(date.strip()));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("the date of service '" + date + "' is not a date like 2026-01-15");
            }
        }
        Optional<CodeSystem> only = Optional.empty();
        if (system != null && !system.isBlank()) {
            only = Optional.of(CodeSystem.byId(system).orElseThrow(() -> new IllegalArgumentException(
                    "the code system '" + system + "' is not icd10cm, icd10pcs or hcpcs")));
        }
        return new SearchQuery(q.strip(), on, only, limit);
    }
}
