package org.custodian.retention;

import java.util.List;
import java.util.UUID;
import org.custodian.privacy.AuditAction;
import org.custodian.privacy.CustodianUser;
import org.custodian.privacy.Permission;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The schedule editor: the default per record type and each facility's own where state rules differ. */
@Service
public class RetentionSchedules {
    private static final String RESOURCE = "RetentionSchedule";

    private final ScheduleRepository schedules;
    private final RetentionGuard guard;

    RetentionSchedules(ScheduleRepository schedules, RetentionGuard guard) {
        this.schedules = schedules;
        this.guard = guard;
    }

    public List<RetentionSchedule> all(CustodianUser user) {
        guard.require(user, Permission.MANAGE_RETENTION, null, AuditAction.READ, RESOURCE, null);
        return schedules.all();
    }

    /** Sets the schedule of a type at a facility, or the default when {@code facilityId} is null. */
    @Transactional
    public void save(CustodianUser user, RecordType type, UUID facilityId, RetentionRule rule, String basis) {
        if (type == null) {
            throw new IllegalArgumentException("choose the record type the schedule is for");
        }
        if (facilityId != null && !type.perFacility()) {
            throw new IllegalArgumentException(type.label() + " belong to no facility: set the default schedule");
        }
        guard.require(user, Permission.MANAGE_RETENTION, facilityId, AuditAction.UPDATE, RESOURCE, type.name());
        String cleanBasis = basis == null || basis.isBlank() ? null : basis.strip();
        if (cleanBasis != null && cleanBasis.length() > 500) {
            throw new IllegalArgumentException("basis: at most 500 characters");
        }
        schedules.save(type, facilityId, rule, cleanBasis, user.getUsername());
        guard.done(user, AuditAction.UPDATE, null, RESOURCE, type.name() + "@" + (facilityId == null ? "default" : facilityId),
                rule.describe());
    }

    /** Removes a facility's own schedule, so the default applies there again. */
    @Transactional
    public void removeOverride(CustodianUser user, RecordType type, UUID facilityId) {
        if (facilityId == null) {
            throw new IllegalArgumentException("the default schedule can be changed but not removed");
        }
        guard.require(user, Permission.MANAGE_RETENTION, facilityId, AuditAction.DELETE, RESOURCE, type.name());
        if (schedules.delete(type, facilityId)) {
            guard.done(user, AuditAction.DELETE, null, RESOURCE, type.name() + "@" + facilityId,
                    "facility schedule removed; the default applies");
        }
    }
}
