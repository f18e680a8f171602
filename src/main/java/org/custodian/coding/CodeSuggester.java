package org.custodian.coding;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.custodian.coding.suggest.ConceptDictionary;
import org.custodian.coding.suggest.SuggestionEngine;
import org.custodian.terminology.CodeSystem;
import org.custodian.terminology.Release;
import org.custodian.terminology.TabularTerms;
import org.custodian.terminology.Terminology;
import org.springframework.stereotype.Service;

/**
 * Computer-assisted coding: reads an encounter's notes and proposes ICD-10-CM codes from the release
 * in force on the date of service, with evidence, handling negation, uncertainty (by care setting),
 * personal and family history, laterality and specificity. Matching is our own, over the release's
 * code descriptions; nothing leaves the process.
 */
@Service
public class CodeSuggester {
    private final Terminology terminology;
    private final Map<String, SuggestionEngine> engines = new ConcurrentHashMap<>();

    CodeSuggester(Terminology terminology) {
        this.terminology = terminology;
    }

    /**
     * Suggestions for the notes, ordered by note and position; one per code (its best evidence).
     *
     * @throws SuggestionsUnavailable when no ICD-10-CM release in force on the date is loaded
     */
    public List<CodeSuggestion> suggest(List<SourceNote> notes, LocalDate dateOfService, CareSetting setting) {
        Release release = terminology.release(CodeSystem.ICD10CM, Optional.of(dateOfService))
                .orElseThrow(() -> new SuggestionsUnavailable(terminology.releases().stream()
                        .anyMatch(r -> r.system() == CodeSystem.ICD10CM)
                        ? "no ICD-10-CM release loaded is in force on " + dateOfService
                        + "; load that fiscal year's order file with `custodian terminology load`"
                        : "no ICD-10-CM release is loaded; load the order file (icd10cm_order_YYYY.txt) with"
                        + " `custodian terminology load`"));
        return engine(release, terminology.tabularTerms(dateOfService)).suggest(notes, setting);
    }

    /** One engine per release and tabular list (whose terms name codes besides their titles). */
    private SuggestionEngine engine(Release release, TabularTerms tabular) {
        return engines.computeIfAbsent(release.id() + "/" + tabular.version(),
                id -> new SuggestionEngine(new ConceptDictionary(terminology.codes(release), tabular.terms())));
    }
}
