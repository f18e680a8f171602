package org.custodian.coding;

import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.custodian.privacy.CustodianUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Stores the coder's decision on each suggestion of an encounter (the latest decision counts). */
@Service
public class SuggestionDecisions {
    private final CodingQueue queue;
    private final CodingAccess access;
    private final JdbcClient jdbc;

    SuggestionDecisions(CodingQueue queue, CodingAccess access, JdbcClient jdbc) {
        this.queue = queue;
        this.access = access;
        this.jdbc = jdbc;
    }

    @Transactional
    public void decide(CustodianUser user, UUID encounterId, SuggestionDecision decision) {
        CaseRepository.CaseRow row = queue.open(user, encounterId);
        jdbc.sql("""
                INSERT INTO suggestion_decision (encounter_id, suggested_code, decision, final_code, confidence, evidence,
                    decided_by, decided_at) VALUES (:e, :s, :d, :f, :c, :ev, :by, now())
                ON CONFLICT (encounter_id, suggested_code) DO UPDATE SET decision = excluded.decision,
                    final_code = excluded.final_code, decided_by = excluded.decided_by, decided_at = excluded.decided_at""")
                .param("e", encounterId).param("s", decision.suggestedCode()).param("d", decision.outcome().name())
                .param("f", decision.finalCode()).param("c", decision.confidence()).param("ev", decision.evidence())
                .param("by", user.getUsername()).update();
        access.changed(user, row.patientId(), encounterId, "suggestion " + decision.suggestedCode() + " "
                + decision.outcome().name().toLowerCase()
                + (decision.outcome() == SuggestionDecision.Outcome.EDITED ? " to " + decision.finalCode() : ""));
    }

    /** The decisions already taken on this encounter, by suggested code. */
    @Transactional
    public Map<String, SuggestionDecision.Outcome> decided(UUID encounterId) {
        return jdbc.sql("SELECT suggested_code, decision FROM suggestion_decision WHERE encounter_id = :e")
                .param("e", encounterId)
                .query((rs, i) -> Map.entry(rs.getString(1), SuggestionDecision.Outcome.valueOf(rs.getString(2))))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
