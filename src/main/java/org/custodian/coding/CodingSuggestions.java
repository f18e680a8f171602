package org.custodian.coding;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.custodian.privacy.CustodianUser;
import org.custodian.record.Diagnosis.PresentOnAdmission;
import org.custodian.record.EncounterClass;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Computer-assisted coding on the coding screen: the suggester reads the encounter's documents; the
 * coder accepts (the code is added), edits (another code is added instead) or rejects each suggestion,
 * and every decision is stored for the acceptance rate.
 */
@Service
public class CodingSuggestions {
    private final CodeSuggester suggester;
    private final SuggestionDecisions decisions;
    private final CodingWork work;

    CodingSuggestions(CodeSuggester suggester, SuggestionDecisions decisions, CodingWork work) {
        this.suggester = suggester;
        this.decisions = decisions;
        this.work = work;
    }

    /** Suggestions for an encounter the user has open (its documents already read through privacy). */
    public List<SuggestedCode> suggest(EncounterCoding coding) {
        List<SourceNote> notes = coding.documents().stream()
                .map(d -> new SourceNote(d.id().toString(), d.current().body())).toList();
        CareSetting setting = coding.encounter().encounterClass() == EncounterClass.INPATIENT
                ? CareSetting.INPATIENT : CareSetting.OUTPATIENT;
        Map<String, SuggestionDecision.Outcome> decided = decisions.decided(coding.encounter().id());
        return suggester.suggest(notes, coding.dateOfService(), setting).stream()
                .map(s -> new SuggestedCode(s, decided.get(s.code()))).toList();
    }

    /** Stores the decision; an accepted or edited suggestion becomes a secondary diagnosis of the primary coding. */
    @Transactional
    public void decide(CustodianUser user, UUID encounterId, SuggestionDecision decision, PresentOnAdmission poa) {
        decisions.decide(user, encounterId, decision);
        if (decision.finalCode() != null) {
            work.add(user, encounterId, CodingPass.PRIMARY, new NewCode.Diagnosis(decision.finalCode(), false, poa));
        }
    }
}
