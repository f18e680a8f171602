package org.custodian.web;

import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;
import org.custodian.disclosure.Authorization;
import org.custodian.disclosure.NewRequest;
import org.custodian.disclosure.Purpose;
import org.custodian.disclosure.RequesterType;
import org.custodian.privacy.SensitivityLabel;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The intake form of a release-of-information request, with the authorization as presented and the
 * specially protected categories it names specifically.
 */
record RoiRequestForm(UUID patient, RequesterType requesterType, String requesterName, String requesterAddress,
                      String informationRequested, Purpose purpose,
                      @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate receivedOn,
                      Boolean authPresent, String authDescription, String authDisclosingParty, String authRecipient,
                      String authPurpose, String authExpires,
                      @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate authSignedOn, String authSignedBy,
                      Boolean authRevocation, Boolean authConditioning, Boolean authRedisclosure, Boolean authRevoked,
                      Boolean part2Consent, Set<SensitivityLabel> authProtectedCategories) {

    NewRequest toRequest() {
        if (patient == null) {
            throw new IllegalArgumentException("choose the patient first");
        }
        return new NewRequest(patient, requesterType, requesterName, requesterAddress, informationRequested, purpose,
                receivedOn, new Authorization(checked(authPresent), authDescription, authDisclosingParty,
                authRecipient, authPurpose, authExpires, authSignedOn, authSignedBy, checked(authRevocation),
                checked(authConditioning), checked(authRedisclosure), checked(authRevoked), authProtectedCategories),
                checked(part2Consent));
    }

    /** An unticked checkbox is not sent at all. */
    private static boolean checked(Boolean box) {
        return Boolean.TRUE.equals(box);
    }
}
