package org.custodian.web;

import java.util.Comparator;
import org.custodian.privacy.CustodianUser;
import org.custodian.privacy.Permission;
import org.custodian.privacy.Role;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/** Builds the page header's {@link Viewer} for the signed-in user. */
@Component
class Viewers {
    private final HeaderFacilityNames facilityNames;

    Viewers(HeaderFacilityNames facilityNames) {
        this.facilityNames = facilityNames;
    }

    Viewer of(CustodianUser user) {
        return new Viewer(user.displayName(), user.getUsername(),
                user.roles().stream().sorted(Comparator.naturalOrder()).map(Role::label).toList(),
                facilityNames.of(user.facilityIds()),
                java.util.Arrays.stream(Permission.values()).filter(user::can)
                        .collect(java.util.stream.Collectors.toCollection(() -> java.util.EnumSet.noneOf(Permission.class))));
    }

    /** The viewer for error pages, which may be shown before or without a sign-in. */
    Viewer of(Authentication authentication) {
        return authentication != null && authentication.getPrincipal() instanceof CustodianUser user ? of(user) : null;
    }
}
