package org.custodian.quality;

/**
 * Sends a physician a deficiency notice outside the application (e-mail, pager). The default
 * implementation only logs; a site supplies its own bean to deliver.
 */
public interface DeficiencyMailer {
    void send(Notification notification);
}
