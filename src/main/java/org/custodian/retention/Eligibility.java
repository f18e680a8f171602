package org.custodian.retention;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.custodian.privacy.AuditAction;
import org.custodian.privacy.CustodianUser;
import org.custodian.privacy.Permission;
import org.springframework.stereotype.Service;

/** Which records are past retention at a facility, and which of those a legal hold keeps. */
@Service
public class Eligibility {
    private final ScheduleRepository schedules;
    private final CandidateRepository candidates;
    private final HoldRepository holds;
    private final DestructionRepository destructions;
    private final RetentionGuard guard;

    Eligibility(ScheduleRepository schedules, CandidateRepository candidates, HoldRepository holds,
                DestructionRepository destructions, RetentionGuard guard) {
        this.schedules = schedules;
        this.candidates = candidates;
        this.holds = holds;
        this.destructions = destructions;
        this.guard = guard;
    }

    /**
     * What is past retention at the facility. For raw messages {@code facilityId} may be null: the
     * messages of senders that are no facility (never set up), under the default raw-message schedule.
     */
    public EligibilityReport report(CustodianUser user, RecordType type, UUID facilityId, LocalDate asOf) {
        requireScope(type, facilityId);
        guard.require(user, Permission.MANAGE_RETENTION, facilityId, AuditAction.SEARCH, "RetentionEligibility",
                type.name());
        EligibilityReport report = assess(type, facilityId, asOf);
        guard.done(user, AuditAction.SEARCH, null, "RetentionEligibility", type.name() + "@"
                        + (facilityId == null ? "no facility" : facilityId),
                report.eligibleCount() + " past retention and destroyable, " + report.heldCount()
                        + " under legal hold, as of " + asOf);
        return report;
    }

    /** A record type and a facility; only raw messages may have none (their sender is no facility of ours). */
    static void requireScope(RecordType type, UUID facilityId) {
        if (type == null || facilityId == null && type != RecordType.RAW_MESSAGE) {
            throw new IllegalArgumentException("choose a record type and a facility");
        }
    }

    /** The same assessment without access checks, for the destruction workflow that has made its own. */
    EligibilityReport assess(RecordType type, UUID facilityId, LocalDate asOf) {
        Optional<RetentionSchedule> schedule = schedules.applicable(type, facilityId);
        if (schedule.isEmpty()) {
            return new EligibilityReport(type, facilityId, asOf, null, List.of(), List.of(), 0);
        }
        RetentionRule rule = schedule.get().rule();
        List<LegalHold> active = holds.active();
        Map<UUID, UUID> proposed = destructions.proposedRecords();
        List<Assessment> eligible = new ArrayList<>();
        List<Assessment> held = new ArrayList<>();
        int minors = 0;
        for (Candidate c : candidates.lastActiveBefore(type, facilityId, asOf.minusYears(rule.yearsAfterLastActivity()))) {
            Assessment a = assess(c, rule, active, asOf, Optional.ofNullable(proposed.get(c.recordId())));
            switch (a.status()) {
                case ELIGIBLE -> {
                    eligible.add(a);
                    minors += a.minorRule() ? 1 : 0;
                }
                case HELD -> held.add(a);
                case RETAINED -> { }
            }
        }
        return new EligibilityReport(type, facilityId, asOf, schedule.get(), eligible, held, minors);
    }

    /** One record now: used again at approval, so a hold placed after the proposal still blocks. */
    Assessment assessNow(Candidate c, RetentionRule rule, LocalDate asOf) {
        return assess(c, rule, holds.active(), asOf, Optional.empty());
    }

    static Assessment assess(Candidate c, RetentionRule rule, List<LegalHold> activeHolds, LocalDate asOf,
                             Optional<UUID> proposedIn) {
        LocalDate until = rule.retainUntil(c.lastActivity(), c.birthDate());
        boolean minor = rule.wasMinor(c.lastActivity(), c.birthDate());
        if (!asOf.isAfter(until)) {
            return new Assessment(c, until, minor, Assessment.Status.RETAINED, Optional.empty(), proposedIn);
        }
        Optional<LegalHold> hold = activeHolds.stream()
                .filter(h -> h.covers(c.patientId(), c.facilityId(), c.serviceFrom(), c.lastActivity())).findFirst();
        return new Assessment(c, until, minor, hold.isPresent() ? Assessment.Status.HELD : Assessment.Status.ELIGIBLE,
                hold, proposedIn);
    }
}
