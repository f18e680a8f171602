package org.custodian.privacy;

import java.time.Duration;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.AuthenticationException;

/**
 * Why a sign-in failed, in the words an auditor or privacy officer reads in the audit report: not a
 * Java exception name. Unlike the sign-in page (which never tells the person at the keyboard whether a
 * user name exists), the audit trail says so, because repeated attempts on unknown names are a sign of
 * someone guessing accounts.
 */
final class SignInFailure {
    private SignInFailure() {
    }

    /**
     * @param failures the account's consecutive failures after this one; 0 when no such account exists
     * @param maxFailures failures that lock the account
     * @param lockout how long a locked account stays locked
     */
    static String describe(AuthenticationException exception, int failures, int maxFailures, Duration lockout) {
        return switch (exception) {
            case LockedException locked -> "account locked";
            case DisabledException disabled -> "account disabled";
            case BadCredentialsException bad when failures == 0 -> "no account with this user name";
            case BadCredentialsException bad -> failures >= maxFailures
                    ? "wrong password (" + failures + " in a row); account locked for " + minutes(lockout)
                    : "wrong password (" + failures + " of " + maxFailures + " before the account locks)";
            default -> "sign-in refused: " + exception.getClass().getSimpleName();
        };
    }

    private static String minutes(Duration lockout) {
        long minutes = lockout.toMinutes();
        return minutes >= 1 && lockout.toSecondsPart() == 0 ? minutes + " min" : lockout.toSeconds() + " s";
    }
}
