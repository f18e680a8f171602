package org.custodian.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.custodian.coding.CodeSuggestion;
import org.custodian.coding.CodingPass;
import org.custodian.coding.CodingSuggestions;
import org.custodian.coding.EncounterCoding;
import org.custodian.coding.SuggestedCode;
import org.custodian.privacy.CustodianUser;
import org.custodian.record.ClinicalDocument;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The suggestions panel of the coding screen and the evidence marked in the documents' text. An
 * audit re-code is blind, so it gets no suggestions either.
 */
@Component
class CodingSuggestionsPanel {
    private final CodingSuggestions suggestions;

    CodingSuggestionsPanel(CodingSuggestions suggestions) {
        this.suggestions = suggestions;
    }

    void addTo(Model model, CustodianUser user, EncounterCoding coding) {
        List<SuggestedCode> found = coding.pass() == CodingPass.AUDIT ? List.of() : suggestions.suggest(coding);
        model.addAttribute("suggestions", found);
        Map<String, List<Segment>> texts = new HashMap<>();
        for (ClinicalDocument document : coding.documents()) {
            String id = document.id().toString();
            texts.put(id, segments(document.current().body(),
                    found.stream().map(SuggestedCode::suggestion).filter(s -> s.source().equals(id)).toList()));
        }
        model.addAttribute("segments", texts);
    }

    /** A piece of a document's text; {@code code} is set when it is the evidence of a suggestion. */
    record Segment(String text, String code) {
    }

    /** Splits the text at the evidence spans (earliest first; a span overlapping an earlier one is left unmarked). */
    static List<Segment> segments(String text, List<CodeSuggestion> evidence) {
        List<Segment> out = new ArrayList<>();
        int at = 0;
        for (CodeSuggestion s : evidence.stream().sorted(Comparator.comparingInt(CodeSuggestion::start)).toList()) {
            if (s.start() < at || s.end() > text.length()) {
                continue;
            }
            if (s.start() > at) {
                out.add(new Segment(text.substring(at, s.start()), null));
            }
            out.add(new Segment(text.substring(s.start(), s.end()), s.code()));
            at = s.end();
        }
        if (at < text.length()) {
            out.add(new Segment(text.substring(at), null));
        }
        return out;
    }
}
