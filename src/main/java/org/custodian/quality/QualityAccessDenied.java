package org.custodian.quality;

/** The user may not do this chart-completion action; {@link #getMessage()} says why, for the user. */
public final class QualityAccessDenied extends RuntimeException {
    public QualityAccessDenied(String reason) {
        super(reason);
    }
}
