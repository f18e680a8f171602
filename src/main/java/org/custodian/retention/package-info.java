/**
 * Retention and continuity: how long each kind of record is kept per facility (minors until the
 * age of majority plus some years), legal holds that suspend destruction, destruction of what is
 * past retention by two people with a certificate, and consistent backups that restore.
 * Access decisions and the audit trail go through {@code privacy}; the records destroyed are the
 * {@code record} module's.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Retention and continuity",
        allowedDependencies = {"record", "privacy"})
package org.custodian.retention;
