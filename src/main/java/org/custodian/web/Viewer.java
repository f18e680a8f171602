package org.custodian.web;

import java.util.List;
import java.util.Set;
import org.custodian.privacy.Permission;

/**
 * Who is signed in, as the page header shows it, and which screens the navigation offers them
 * (templates ask {@code viewer.canXxx}; each screen's own check stays in its controller).
 */
record Viewer(String displayName, String username, List<String> roles, List<String> facilities,
              Set<Permission> permissions) {
    Viewer {
        roles = List.copyOf(roles);
        facilities = List.copyOf(facilities);
        permissions = Set.copyOf(permissions);
    }

    public boolean canSearchPatients() {
        return permissions.contains(Permission.SEARCH_PATIENTS);
    }

    public boolean canViewAudit() {
        return permissions.contains(Permission.VIEW_AUDIT);
    }

    public boolean canManageInterfaces() {
        return permissions.contains(Permission.MANAGE_INTERFACES);
    }

    public boolean canViewAnalytics() {
        return permissions.contains(Permission.VIEW_ANALYTICS);
    }

    public boolean canSearchCodes() {
        return permissions.contains(Permission.SEARCH_CODES);
    }

    public boolean canCode() {
        return permissions.contains(Permission.CODE_ENCOUNTERS) || permissions.contains(Permission.ANSWER_QUERIES);
    }

    public boolean canManageDuplicates() {
        return permissions.contains(Permission.MANAGE_DUPLICATES);
    }

    public boolean canQuality() {
        return permissions.contains(Permission.VIEW_QUALITY) || permissions.contains(Permission.WORK_DEFICIENCIES)
                || permissions.contains(Permission.SIGN_DOCUMENTS);
    }

    public boolean canReviewPrivacy() {
        return permissions.contains(Permission.REVIEW_PRIVACY);
    }

    public boolean canReleaseInformation() {
        return permissions.contains(Permission.RELEASE_INFORMATION) || permissions.contains(Permission.MANAGE_AMENDMENTS)
                || permissions.contains(Permission.DEIDENTIFY);
    }

    public boolean canManageRetention() {
        return permissions.contains(Permission.MANAGE_RETENTION) || permissions.contains(Permission.APPROVE_DESTRUCTION)
                || permissions.contains(Permission.PLACE_LEGAL_HOLD);
    }

    public boolean canScan() {
        return permissions.contains(Permission.INDEX_SCANS) || permissions.contains(Permission.REVIEW_SCAN_QUALITY);
    }

    public boolean canTrain() {
        return permissions.contains(Permission.TAKE_TRAINING) || permissions.contains(Permission.MANAGE_TRAINING);
    }

    public boolean canTranscribe() {
        return permissions.contains(Permission.TRANSCRIBE_DOCUMENTS) || permissions.contains(Permission.REVIEW_TRANSCRIPTION)
                || permissions.contains(Permission.SIGN_DOCUMENTS)
                || permissions.contains(Permission.EDIT_TRANSCRIPTION_TEMPLATES);
    }

    public boolean canManageUsers() {
        return permissions.contains(Permission.MANAGE_USERS);
    }

    public boolean canAuditCoding() {
        return permissions.contains(Permission.AUDIT_CODING);
    }

    public boolean canRegisterPatients() {
        return permissions.contains(Permission.REGISTER_PATIENTS);
    }
}
