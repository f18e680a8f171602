package org.custodian.web;

import java.util.Arrays;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/** Why a sign-in failed, as far as it is safe and useful to tell the person at the keyboard. */
enum LoginProblem {
    BAD_CREDENTIALS("bad", "The user name or password is not correct. Check them and try again."),
    LOCKED("locked", "This account is locked after too many failed sign-in attempts. "
            + "Wait a while and try again, or ask your system administrator to unlock it."),
    DISABLED("disabled", "This account is disabled. Ask your system administrator for help."),
    UNAVAILABLE("unavailable", "Signing in is not possible right now. Try again in a few minutes.");

    private final String code;
    private final String message;

    LoginProblem(String code, String message) {
        this.code = code;
        this.message = message;
    }

    String code() {
        return code;
    }

    String message() {
        return message;
    }

    static LoginProblem of(AuthenticationException exception) {
        return switch (exception) {
            case LockedException locked -> LOCKED;
            case DisabledException disabled -> DISABLED;
            case BadCredentialsException bad -> BAD_CREDENTIALS;
            case UsernameNotFoundException unknown -> BAD_CREDENTIALS;
            default -> UNAVAILABLE;
        };
    }

    /** The problem a redirect named; anything unrecognised reads as wrong credentials. */
    static LoginProblem fromCode(String code) {
        return Arrays.stream(values()).filter(p -> p.code.equals(code)).findFirst().orElse(BAD_CREDENTIALS);
    }
}
