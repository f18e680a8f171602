package org.custodian.web;

import org.custodian.privacy.CustodianUser;
import org.custodian.privacy.Permission;

/** Which transcription tabs the signed-in user gets: the work queue, their signature queue. */
record TranscriptionTabs(boolean queue, boolean signatures) {
    static TranscriptionTabs of(CustodianUser user) {
        return new TranscriptionTabs(TranscriptionGuard.works(user), user.can(Permission.SIGN_DOCUMENTS));
    }
}
