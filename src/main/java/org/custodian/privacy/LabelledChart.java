package org.custodian.privacy;

import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.custodian.record.PatientChart;
import org.springframework.stereotype.Component;

/**
 * Leaves out of a chart the encounters and documents whose own labels the user may not see, with
 * the diagnoses, procedures and results of those encounters. Emergency access shows everything.
 */
@Component
class LabelledChart {
    private final AccessFacts facts;
    private final AccessPolicy policy;
    private final Clock clock = Clock.systemUTC();

    LabelledChart(AccessFacts facts, AccessPolicy policy) {
        this.facts = facts;
        this.policy = policy;
    }

    /** The chart without the hidden encounters and documents and what was recorded in those encounters. */
    static PatientChart without(Set<UUID> hidden, PatientChart chart) {
        if (hidden.isEmpty()) {
            return chart;
        }
        Predicate<UUID> shown = id -> id == null || !hidden.contains(id);
        List<PatientChart.EncounterRow> encounters = chart.encounters().stream().filter(e -> shown.test(e.id())).toList();
        List<PatientChart.DocumentRow> documents = chart.documents().stream()
                .filter(d -> shown.test(d.id()) && shown.test(d.encounterId())).toList();
        List<PatientChart.ProcedureRow> procedures = chart.procedures().stream()
                .filter(p -> shown.test(p.encounterId())).toList();
        var observations = chart.observations().stream().filter(o -> shown.test(o.encounterId())).toList();
        PatientChart.Totals totals = chart.totals();
        return new PatientChart(chart.patient(), chart.ssnLastFour(), chart.identifiers(), encounters,
                chart.diagnoses().stream().filter(d -> shown.test(d.encounterId())).toList(), procedures,
                observations, documents, new PatientChart.Totals(
                totals.encounters() - (chart.encounters().size() - encounters.size()),
                totals.procedures() - (chart.procedures().size() - procedures.size()),
                totals.observations() - (chart.observations().size() - observations.size()),
                totals.documents() - (chart.documents().size() - documents.size())));
    }

    /** The encounters and documents of the patient whose own labels keep the user out (none in an emergency). */
    Set<UUID> hiddenParts(CustodianUser user, PurposeOfUse purpose, UUID patientId) {
        return hiddenParts(user, purpose, patientId, facts.labelledParts(patientId));
    }

    /**
     * The encounters and documents of the patient whose own labels keep the user out (none in an
     * emergency). {@code parts}: the patient's labelled encounters and documents.
     */
    Set<UUID> hiddenParts(CustodianUser user, PurposeOfUse purpose, UUID patientId,
                          Map<UUID, Set<SensitivityLabel>> parts) {
        if (parts.isEmpty() || facts.emergencyAccessUntil(user.getUsername(), patientId, clock.instant()).isPresent()) {
            return new HashSet<>();
        }
        Set<UUID> hidden = new HashSet<>();
        parts.forEach((part, labels) -> {
            if (!policy.labelsAllow(user, patientId, purpose, labels)) {
                hidden.add(part);
            }
        });
        return hidden;
    }
}
