package org.custodian.privacy;

import java.util.EnumSet;
import java.util.Set;

/**
 * The HIM roles. Minimum necessary: the auditor reviews the trail but not charts; the administrator
 * manages accounts and interfaces but reads no PHI (the dead-letter list shows no message text).
 */
public enum Role {
    HIM_DIRECTOR("HIM director", EnumSet.of(Permission.SEARCH_PATIENTS, Permission.READ_CHART, Permission.VIEW_AUDIT,
            Permission.MANAGE_INTERFACES, Permission.IMPORT_RECORDS, Permission.RELEASE_INFORMATION,
            Permission.MANAGE_AMENDMENTS, Permission.DEIDENTIFY)),
    CODER("HIT / coder", EnumSet.of(Permission.SEARCH_PATIENTS, Permission.READ_CHART)),
    ROI_SPECIALIST("Release-of-information specialist", EnumSet.of(Permission.SEARCH_PATIENTS, Permission.READ_CHART,
            Permission.RELEASE_INFORMATION, Permission.MANAGE_AMENDMENTS)),
    PRIVACY_OFFICER("Privacy officer",
            EnumSet.of(Permission.SEARCH_PATIENTS, Permission.READ_CHART, Permission.VIEW_AUDIT,
                    Permission.RELEASE_INFORMATION, Permission.MANAGE_AMENDMENTS, Permission.DEIDENTIFY)),
    CLINICIAN("Clinician", EnumSet.of(Permission.SEARCH_PATIENTS, Permission.READ_CHART)),
    AUDITOR("Auditor", EnumSet.of(Permission.VIEW_AUDIT)),
    ADMIN("Administrator", EnumSet.of(Permission.MANAGE_USERS, Permission.MANAGE_INTERFACES));

    private final String label;
    private final Set<Permission> permissions;

    Role(String label, Set<Permission> permissions) {
        this.label = label;
        this.permissions = permissions;
    }

    public String label() {
        return label;
    }

    public boolean has(Permission permission) {
        return permissions.contains(permission);
    }
}
