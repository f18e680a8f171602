package org.custodian.privacy;

import java.util.EnumSet;
import java.util.Set;

/**
 * The HIM roles. Minimum necessary: the auditor reviews the trail but not charts; the administrator
 * manages accounts and interfaces but reads no PHI (the dead-letter list shows no message text).
 */
public enum Role {
    HIM_DIRECTOR("HIM director", EnumSet.of(Permission.SEARCH_PATIENTS, Permission.READ_CHART, Permission.VIEW_AUDIT,
            Permission.MANAGE_INTERFACES, Permission.IMPORT_RECORDS, Permission.VIEW_ANALYTICS, Permission.SEARCH_CODES,
            Permission.CODE_ENCOUNTERS, Permission.AUDIT_CODING, Permission.MANAGE_DUPLICATES, Permission.VIEW_QUALITY,
            Permission.WORK_DEFICIENCIES, Permission.MANAGE_SENSITIVITY, Permission.RELEASE_INFORMATION,
            Permission.MANAGE_AMENDMENTS, Permission.DEIDENTIFY, Permission.MANAGE_RETENTION,
            Permission.APPROVE_DESTRUCTION, Permission.PLACE_LEGAL_HOLD, Permission.INDEX_SCANS,
            Permission.REVIEW_SCAN_QUALITY, Permission.TRANSCRIBE_DOCUMENTS,
            Permission.REVIEW_TRANSCRIPTION, Permission.EDIT_TRANSCRIPTION_TEMPLATES, Permission.REGISTER_PATIENTS)),
    CODER("HIT / coder", EnumSet.of(Permission.SEARCH_PATIENTS, Permission.READ_CHART, Permission.SEARCH_CODES,
            Permission.CODE_ENCOUNTERS, Permission.AUDIT_CODING, Permission.MANAGE_DUPLICATES, Permission.VIEW_QUALITY,
            Permission.WORK_DEFICIENCIES, Permission.INDEX_SCANS, Permission.REVIEW_SCAN_QUALITY,
            Permission.REGISTER_PATIENTS)),
    ROI_SPECIALIST("Release-of-information specialist", EnumSet.of(Permission.SEARCH_PATIENTS, Permission.READ_CHART,
            Permission.RELEASE_INFORMATION, Permission.MANAGE_AMENDMENTS)),
    PRIVACY_OFFICER("Privacy officer",
            EnumSet.of(Permission.SEARCH_PATIENTS, Permission.READ_CHART, Permission.VIEW_AUDIT,
                    Permission.MANAGE_SENSITIVITY, Permission.REVIEW_PRIVACY, Permission.RELEASE_INFORMATION,
                    Permission.MANAGE_AMENDMENTS, Permission.DEIDENTIFY, Permission.MANAGE_RETENTION,
                    Permission.APPROVE_DESTRUCTION, Permission.PLACE_LEGAL_HOLD)),
    CLINICIAN("Clinician", EnumSet.of(Permission.SEARCH_PATIENTS, Permission.READ_CHART, Permission.ANSWER_QUERIES,
            Permission.SIGN_DOCUMENTS)),
    AUDITOR("Auditor", EnumSet.of(Permission.VIEW_AUDIT)),
    ADMIN("Administrator", EnumSet.of(Permission.MANAGE_USERS, Permission.MANAGE_INTERFACES,
            Permission.EDIT_TRANSCRIPTION_TEMPLATES)),
    /** Scoped to the training sandbox whatever facilities the account lists (see {@link CustodianUser#sandboxOnly()}). */
    TRAINEE("Trainee", EnumSet.of(Permission.SEARCH_PATIENTS, Permission.READ_CHART, Permission.SEARCH_CODES,
            Permission.CODE_ENCOUNTERS, Permission.WORK_DEFICIENCIES, Permission.RELEASE_INFORMATION,
            Permission.TAKE_TRAINING)),
    TRAINER("Trainer", EnumSet.of(Permission.SEARCH_PATIENTS, Permission.READ_CHART, Permission.SEARCH_CODES,
            Permission.MANAGE_TRAINING)),
    TRANSCRIPTIONIST("Medical transcriptionist", EnumSet.of(Permission.READ_CHART, Permission.TRANSCRIBE_DOCUMENTS,
            Permission.REVIEW_TRANSCRIPTION));

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
