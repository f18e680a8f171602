package org.custodian.web;

import java.util.List;

/** Who is signed in, as the page header shows it, and which screens the navigation offers them. */
record Viewer(String displayName, String username, List<String> roles, List<String> facilities,
              boolean canSearchPatients, boolean canViewAudit, boolean canManageInterfaces,
              boolean canReleaseInformation) {
    Viewer {
        roles = List.copyOf(roles);
        facilities = List.copyOf(facilities);
    }
}
