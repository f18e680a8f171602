package org.custodian.coding;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.UUID;
import org.custodian.privacy.AuditAction;
import org.custodian.privacy.AuditOutcome;
import org.custodian.privacy.CustodianUser;
import org.custodian.privacy.Permission;
import org.custodian.record.Facility;
import org.custodian.record.FacilityRepository;
import org.custodian.record.FacilityType;
import org.custodian.record.RecordChanges;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The coding workqueue: discharged encounters of the user's facilities awaiting coding, filtered and
 * sorted; assigning a case, moving its status and recording its payer. Every view and change is audited.
 */
@Service
public class CodingQueue {
    private static final int MAX_PAYER = 80;
    private static final int MAX_NOTE = 500;

    private final CaseRepository cases;
    private final CodingAccess access;
    private final FacilityRepository facilities;
    private final RecordChanges changes;

    CodingQueue(CaseRepository cases, CodingAccess access, FacilityRepository facilities, RecordChanges changes) {
        this.cases = cases;
        this.access = access;
        this.facilities = facilities;
        this.changes = changes;
    }

    @Transactional
    public QueuePage list(CustodianUser user, QueueFilter filter) {
        access.require(user, Permission.CODE_ENCOUNTERS, "the coding queue");
        QueuePage page = cases.queue(filter, queueScope(user, filter));
        access.record(user, AuditAction.SEARCH, AuditOutcome.SUCCESS, null, null, "coding queue " + describe(filter)
                + "; " + page.total() + " encounters");
        return page;
    }

    /** Assigns the case to a coder (or to nobody with a null assignee). */
    @Transactional
    public void assign(CustodianUser user, UUID encounterId, String assignee) {
        CaseRepository.CaseRow row = open(user, encounterId);
        String who = assignee == null || assignee.isBlank() ? null : assignee.trim();
        cases.setAssignee(encounterId, who);
        cases.event(encounterId, user.getUsername(), row.status(), row.status(),
                who == null ? "unassigned" : "assigned to " + who);
        access.changed(user, row.patientId(), encounterId, who == null ? "coding case unassigned" : "coding case assigned to " + who);
    }

    /** Takes an unassigned case to work on: assigned to the user and in progress. */
    @Transactional
    public void claim(CustodianUser user, UUID encounterId) {
        CaseRepository.CaseRow row = open(user, encounterId);
        if (row.assignee() == null) {
            cases.setAssignee(encounterId, user.getUsername());
            access.changed(user, row.patientId(), encounterId, "coding case assigned to " + user.getUsername());
        }
        if (row.status() == CodingStatus.TO_CODE) {
            move(user, row, CodingStatus.IN_PROGRESS, "work started");
        }
    }

    @Transactional
    public void changeStatus(CustodianUser user, UUID encounterId, CodingStatus to, String note) {
        CaseRepository.CaseRow row = open(user, encounterId);
        if (to == CodingStatus.CODED || to == CodingStatus.AUDITED) {
            throw new CodingRefused("a case becomes " + to.label().toLowerCase() + " by finalising its coding"
                    + (to == CodingStatus.AUDITED ? " audit" : ""));
        }
        String why = note == null || note.isBlank() ? null : note.strip();
        if (why != null && why.length() > MAX_NOTE) {
            throw new CodingRefused("the note is longer than " + MAX_NOTE + " characters");
        }
        if (row.status().isFinal() && !to.isFinal() && why == null) {
            throw new CodingRefused("give the reason for reopening a " + row.status().label().toLowerCase()
                    + " case: it goes back to DNFB and its bill is held until it is finalised again");
        }
        move(user, row, to, why);
    }

    /** Records the payer from the registration face sheet (the record carries no coverage). */
    @Transactional
    public void setPayer(CustodianUser user, UUID encounterId, String payer) {
        CaseRepository.CaseRow row = open(user, encounterId);
        String value = payer == null || payer.isBlank() ? null : payer.trim();
        if (value != null && value.length() > MAX_PAYER) {
            throw new CodingRefused("payer is longer than " + MAX_PAYER + " characters");
        }
        cases.setPayer(encounterId, value);
        cases.event(encounterId, user.getUsername(), row.status(), row.status(), "payer " + (value == null ? "cleared" : value));
        access.changed(user, row.patientId(), encounterId, "payer set to " + (value == null ? "none" : value));
    }

    public List<CaseEvent> history(CustodianUser user, UUID encounterId) {
        open(user, encounterId);
        return cases.history(encounterId);
    }

    void move(CustodianUser user, CaseRepository.CaseRow row, CodingStatus to, String note) {
        if (row.status() == to) {
            return;
        }
        if (!row.status().next().contains(to)) {
            throw new CodingRefused("a case that is " + row.status().label().toLowerCase() + " cannot become "
                    + to.label().toLowerCase());
        }
        cases.setStatus(row.encounterId(), to);
        announceBilling(row.patientId());
        cases.event(row.encounterId(), user.getUsername(), row.status(), to, note);
        access.changed(user, row.patientId(), row.encounterId(), "coding status " + row.status() + " -> " + to
                + (note == null || note.isBlank() ? "" : ": " + note));
    }

    /**
     * A case's status is part of what the record's derived stores show: whether it is final decides DNFB
     * (analytics), and quality's NOT_CODED finding says where the coding stands (in progress, on hold for a
     * physician query). Every status change announces its patient as changed, in the caller's transaction.
     */
    void announceBilling(UUID patientId) {
        changes.changed(patientId);
    }

    /** The case of a discharged encounter in the user's scope, opened if it had no row yet, locked for change. */
    CaseRepository.CaseRow open(CustodianUser user, UUID encounterId) {
        access.require(user, Permission.CODE_ENCOUNTERS, "coding");
        if (!cases.ensure(encounterId)) {
            throw new CodingRefused("there is no discharged encounter " + encounterId + " to code");
        }
        CaseRepository.CaseRow row = cases.lock(encounterId);
        access.requireCase(user, Permission.CODE_ENCOUNTERS, row.facilityId(), row.patientId(), encounterId);
        return row;
    }

    /**
     * The user's facilities, less the training sandbox for anyone who also works a real facility unless
     * the filter names it: sandbox encounters never mix into a real coder's queue (issue 8).
     */
    private Set<UUID> queueScope(CustodianUser user, QueueFilter filter) {
        List<Facility> mine = facilities.byIds(user.facilityIds());
        boolean worksReal = mine.stream().anyMatch(f -> f.type() != FacilityType.TRAINING);
        return mine.stream().filter(f -> !worksReal || f.type() != FacilityType.TRAINING
                        || f.id().equals(filter.facilityId()))
                .map(Facility::id).collect(Collectors.toSet());
    }

    private static String describe(QueueFilter f) {
        StringBuilder text = new StringBuilder("sort=").append(f.sort());
        if (f.facilityId() != null) {
            text.append(" facility=").append(f.facilityId());
        }
        if (f.encounterClass() != null) {
            text.append(" class=").append(f.encounterClass());
        }
        if (f.payer() != null) {
            text.append(" payer=").append(f.payer());
        }
        if (f.status() != null) {
            text.append(" status=").append(f.status());
        }
        if (f.assignee() != null) {
            text.append(" assignee=").append(f.assignee());
        }
        if (f.minAgeDays() != null || f.maxAgeDays() != null) {
            text.append(" age=").append(f.minAgeDays() == null ? "" : f.minAgeDays()).append("..")
                    .append(f.maxAgeDays() == null ? "" : f.maxAgeDays());
        }
        return text.toString();
    }
}
