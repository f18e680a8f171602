package org.custodian.web;

import java.util.Comparator;
import org.custodian.privacy.CustodianUser;
import org.custodian.privacy.Permission;
import org.custodian.privacy.Role;
import org.custodian.record.Facility;
import org.custodian.record.FacilityRepository;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/** Builds the page header's {@link Viewer} for the signed-in user. */
@Component
class Viewers {
    private final FacilityRepository facilities;

    Viewers(FacilityRepository facilities) {
        this.facilities = facilities;
    }

    Viewer of(CustodianUser user) {
        return new Viewer(user.displayName(), user.getUsername(),
                user.roles().stream().sorted(Comparator.naturalOrder()).map(Role::label).toList(),
                facilities.byIds(user.facilityIds()).stream().map(Facility::name).toList(),
                user.can(Permission.SEARCH_PATIENTS), user.can(Permission.VIEW_AUDIT),
                user.can(Permission.MANAGE_INTERFACES),
                user.can(Permission.RELEASE_INFORMATION) || user.can(Permission.MANAGE_AMENDMENTS)
                        || user.can(Permission.DEIDENTIFY));
    }

    /** The viewer for error pages, which may be shown before or without a sign-in. */
    Viewer of(Authentication authentication) {
        return authentication != null && authentication.getPrincipal() instanceof CustodianUser user ? of(user) : null;
    }
}
