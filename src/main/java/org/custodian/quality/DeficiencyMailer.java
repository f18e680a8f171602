package org.custodian.quality;

import java.util.List;

/**
 * Sends a physician a deficiency notice outside the application (e-mail, pager). The default
 * implementation only logs; a site supplies its own bean to deliver.
 */
public interface DeficiencyMailer {
    /**
     * @param accounts the user accounts that sign as the notice's practitioner ({@code app_user.practitioner_id}),
     *                 whose addresses a site's mailer looks up; empty when no account is linked yet
     */
    void send(Notification notification, List<String> accounts);
}
