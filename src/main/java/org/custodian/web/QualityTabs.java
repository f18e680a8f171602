package org.custodian.web;

import org.custodian.privacy.CustodianUser;
import org.custodian.privacy.Permission;

/** Which chart-completion screens the signed-in user's roles open, for the tabs above them. */
record QualityTabs(boolean analyst, boolean physician, boolean scorecards) {
    static QualityTabs of(CustodianUser user) {
        return new QualityTabs(user.can(Permission.WORK_DEFICIENCIES), user.can(Permission.SIGN_DOCUMENTS),
                user.can(Permission.VIEW_QUALITY));
    }
}
