/**
 * Release of information and de-identification: request intake with the HIPAA authorization check,
 * minimum-necessary selection, disclosure packets, deadlines and fees, the accounting of
 * disclosures (164.528), amendments (164.526), the patient's right of access (164.524), Safe Harbor
 * exports (164.514(b)(2)) and the free-text PHI scrubber. Access decisions and audit go through
 * {@code privacy}; the record is read and amended through {@code record}'s public API.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Release of information and de-identification",
        allowedDependencies = {"record", "privacy"})
package org.custodian.disclosure;
