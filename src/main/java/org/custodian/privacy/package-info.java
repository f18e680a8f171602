/**
 * Who may see what, and the proof of who did: users and roles with their facility scope, the one
 * access policy, the hash-chained audit trail, and encryption of identifiers at rest.
 * Every read or write of PHI by a person goes through {@link org.custodian.privacy.PhiAccess}.
 */
package org.custodian.privacy;
