package org.custodian.web;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.custodian.analytics.Period;
import org.custodian.coding.CodingFigures;
import org.custodian.coding.CodingMetrics;
import org.custodian.coding.CodingQueue;
import org.custodian.coding.QueueFilter;
import org.custodian.coding.QueuePage;
import org.custodian.disclosure.ReleaseRequest;
import org.custodian.disclosure.ReleaseRequests;
import org.custodian.privacy.CustodianUser;
import org.custodian.privacy.Permission;
import org.custodian.quality.Scorecard;
import org.custodian.quality.Scorecards;
import org.springframework.stereotype.Component;

/**
 * The HIM operations figures of the analytics page, each from the module that owns the work and
 * each only for a user whose role may see that work: coding backlog (discharged, not final coded),
 * coder productivity, suggestion acceptance and audit agreement, chart delinquency, and
 * release-of-information turnaround.
 */
@Component
class AnalyticsHimOperations {
    private final CodingQueue codingQueue;
    private final CodingMetrics codingMetrics;
    private final Scorecards scorecards;
    private final ReleaseRequests releases;
    private final ZoneId zone = ZoneId.systemDefault();

    AnalyticsHimOperations(CodingQueue codingQueue, CodingMetrics codingMetrics, Scorecards scorecards,
                           ReleaseRequests releases) {
        this.codingQueue = codingQueue;
        this.codingMetrics = codingMetrics;
        this.scorecards = scorecards;
        this.releases = releases;
    }

    Figures of(CustodianUser user, Period period) {
        Optional<Backlog> backlog = Optional.empty();
        Optional<CodingFigures> coding = Optional.empty();
        if (user.can(Permission.CODE_ENCOUNTERS)) {
            QueuePage open = codingQueue.list(user, QueueFilter.open());
            long oldest = open.entries().stream().mapToLong(e -> e.ageDays()).max().orElse(0);
            backlog = Optional.of(new Backlog(open.total(), oldest));
        }
        if (user.can(Permission.AUDIT_CODING)) {
            LocalDate today = LocalDate.now(zone);
            LocalDate to = period.last().atEndOfMonth().isAfter(today) ? today : period.last().atEndOfMonth();
            LocalDate from = period.start().isBefore(to.minusDays(CodingMetrics.MAX_DAYS - 1))
                    ? to.minusDays(CodingMetrics.MAX_DAYS - 1) : period.start();
            coding = from.isAfter(to) ? Optional.empty() : Optional.of(codingMetrics.figures(user, from, to));
        }
        Optional<Scorecard> completion = user.can(Permission.VIEW_QUALITY)
                ? Optional.of(scorecards.scorecard(user)) : Optional.empty();
        Optional<Turnaround> roi = user.can(Permission.RELEASE_INFORMATION)
                ? Optional.of(turnaround(releases.recentlyClosed(user), releases.queue(user))) : Optional.empty();
        return new Figures(backlog, coding, completion, roi);
    }

    private Turnaround turnaround(List<ReleaseRequest> closed, List<ReleaseRequest> open) {
        LocalDate today = LocalDate.now(zone);
        Double meanDays = closed.stream().filter(r -> r.closedAt() != null)
                .mapToLong(r -> Duration.between(r.receivedOn().atStartOfDay(zone).toInstant(), r.closedAt()).toDays())
                .average().stream().boxed().findFirst().orElse(null);
        long overdue = open.stream().filter(r -> r.dueOn().isBefore(today))
                .count();
        long oldestPending = open.stream()
                .mapToLong(r -> java.time.temporal.ChronoUnit.DAYS.between(r.receivedOn(), today)).max().orElse(0);
        return new Turnaround(closed.size(), meanDays, open.size(), oldestPending, overdue);
    }

    /** Discharged encounters not yet final coded (DNFB by count; charges are not recorded here). */
    record Backlog(int encounters, long oldestDays) {
    }

    /** Mean days from receipt to release or denial over recent requests, and the pending ones. */
    record Turnaround(int closed, Double meanDays, int pending, long oldestPendingDays, long overdue) {
    }

    record Figures(Optional<Backlog> backlog, Optional<CodingFigures> coding, Optional<Scorecard> completion,
                   Optional<Turnaround> roi) {
        public boolean any() {
            return backlog.isPresent() || coding.isPresent() || completion.isPresent() || roi.isPresent();
        }
    }
}
