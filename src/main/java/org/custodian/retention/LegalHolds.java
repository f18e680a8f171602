package org.custodian.retention;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.custodian.privacy.AuditAction;
import org.custodian.privacy.CustodianUser;
import org.custodian.privacy.Permission;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Placing and releasing legal holds; a held record is never destroyable while the hold lasts. */
@Service
public class LegalHolds {
    private static final String RESOURCE = "LegalHold";

    private final HoldRepository holds;
    private final RetentionGuard guard;

    LegalHolds(HoldRepository holds, RetentionGuard guard) {
        this.holds = holds;
        this.guard = guard;
    }

    @Transactional
    public UUID holdPatient(CustodianUser user, String matter, UUID patientId, String reason) {
        if (patientId == null) {
            throw new IllegalArgumentException("patient: choose the patient whose records are held");
        }
        guard.requirePatient(user, Permission.PLACE_LEGAL_HOLD, patientId, AuditAction.CREATE, RESOURCE);
        LegalHold hold = new LegalHold(UUID.randomUUID(), matter(matter), LegalHold.Scope.PATIENT, patientId, null,
                null, null, null, null, text(reason), user.getUsername(), Instant.now(), null, null, null);
        holds.insert(hold);
        guard.done(user, AuditAction.CREATE, patientId, RESOURCE, hold.id().toString(),
                "legal hold placed on the patient's records: " + hold.matter());
        return hold.id();
    }

    @Transactional
    public UUID holdFacility(CustodianUser user, String matter, UUID facilityId, LocalDate from, LocalDate to,
                             String reason) {
        if (facilityId == null) {
            throw new IllegalArgumentException("facility: choose the facility whose records are held");
        }
        if (from != null && to != null && from.isAfter(to)) {
            throw new IllegalArgumentException("from date " + from + " is after to date " + to);
        }
        guard.require(user, Permission.PLACE_LEGAL_HOLD, facilityId, AuditAction.CREATE, RESOURCE, null);
        LegalHold hold = new LegalHold(UUID.randomUUID(), matter(matter), LegalHold.Scope.FACILITY, null, null,
                facilityId, null, from, to, text(reason), user.getUsername(), Instant.now(), null, null, null);
        holds.insert(hold);
        guard.done(user, AuditAction.CREATE, null, RESOURCE, hold.id().toString(), "legal hold placed on facility "
                + facilityId + " records of " + (from == null ? "any date" : from) + " to " + (to == null ? "any date" : to)
                + ": " + hold.matter());
        return hold.id();
    }

    @Transactional
    public void release(CustodianUser user, UUID holdId, String note) {
        LegalHold hold = holds.find(holdId).orElseThrow(() -> new IllegalArgumentException("no legal hold " + holdId));
        guard.require(user, Permission.PLACE_LEGAL_HOLD, hold.facilityId(), AuditAction.UPDATE, RESOURCE,
                holdId.toString());
        if (!hold.active()) {
            throw new IllegalArgumentException("this legal hold was already released by " + hold.releasedBy());
        }
        holds.release(holdId, user.getUsername(), text(note));
        guard.done(user, AuditAction.UPDATE, hold.patientId(), RESOURCE, holdId.toString(),
                "legal hold released: " + hold.matter());
    }

    public List<LegalHold> active(CustodianUser user) {
        guard.require(user, Permission.MANAGE_RETENTION, null, AuditAction.READ, RESOURCE, null);
        return holds.active();
    }

    public List<LegalHold> recentlyReleased(CustodianUser user) {
        guard.require(user, Permission.MANAGE_RETENTION, null, AuditAction.READ, RESOURCE, null);
        return holds.recentlyReleased(20);
    }

    private static String matter(String matter) {
        if (matter == null || matter.isBlank()) {
            throw new IllegalArgumentException("matter: name the legal matter the hold is for");
        }
        if (matter.strip().length() > 200) {
            throw new IllegalArgumentException("matter: at most 200 characters");
        }
        return matter.strip();
    }

    private static String text(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        if (text.length() > 2000) {
            throw new IllegalArgumentException("at most 2000 characters of explanation");
        }
        return text.strip();
    }
}
