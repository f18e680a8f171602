package org.custodian.web;

import org.custodian.privacy.CustodianUser;
import org.custodian.privacy.Permission;

/** Which transcription tabs the signed-in user gets: the work queue, their signature queue, the templates. */
record TranscriptionTabs(boolean queue, boolean signatures, boolean templates) {
    static TranscriptionTabs of(CustodianUser user) {
        return new TranscriptionTabs(TranscriptionGuard.works(user), user.can(Permission.SIGN_DOCUMENTS),
                mayOpenTemplates(user));
    }

    /** Who may open the templates page: those who type or review documents, and template editors. */
    static boolean mayOpenTemplates(CustodianUser user) {
        return TranscriptionGuard.works(user) || user.can(Permission.EDIT_TRANSCRIPTION_TEMPLATES);
    }
}
