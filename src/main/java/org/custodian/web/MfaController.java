package org.custodian.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.custodian.privacy.CustodianUser;
import org.custodian.privacy.MultiFactor;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Two-step sign-in: setting up an authenticator app, entering its code after the password, and
 * resetting one's own enrolment (a new phone) with the current factor.
 */
@Controller
class MfaController {
    private final MultiFactor multiFactor;

    MfaController(MultiFactor multiFactor) {
        this.multiFactor = multiFactor;
    }

    @GetMapping(MfaGate.VERIFY)
    String verifyPage(@AuthenticationPrincipal CustodianUser user) {
        return multiFactor.status(user) == MultiFactor.Status.ENROLLED ? "privacy/mfa-verify" : "redirect:/";
    }

    @PostMapping(MfaGate.VERIFY)
    String verify(@RequestParam(defaultValue = "") String code, @AuthenticationPrincipal CustodianUser user,
                  Authentication authentication, HttpServletRequest request, HttpServletResponse response,
                  Model model) {
        return switch (multiFactor.verify(user, code)) {
            case MultiFactor.Check.Passed passed -> {
                MfaGate.passed(request);
                yield passed.usedRecoveryCode() ? "redirect:/?recoveryCodesLeft=" + passed.recoveryCodesLeft() : "redirect:/";
            }
            case MultiFactor.Check.Wrong wrong -> {
                model.addAttribute("problem", "That code is not right. Enter the current code from your app, "
                        + "or one of your recovery codes.");
                yield "privacy/mfa-verify";
            }
            case MultiFactor.Check.Locked locked -> {
                new SecurityContextLogoutHandler().logout(request, response, authentication);
                yield "redirect:" + SecurityConfig.LOGIN + "?error=locked";
            }
        };
    }

    @GetMapping(MfaGate.RESET)
    String resetPage(@AuthenticationPrincipal CustodianUser user) {
        return multiFactor.status(user) == MultiFactor.Status.ENROLLED ? "privacy/mfa-reset" : "redirect:" + MfaGate.ENROL;
    }

    @PostMapping(MfaGate.RESET)
    String reset(@RequestParam(defaultValue = "") String code, @AuthenticationPrincipal CustodianUser user,
                 Authentication authentication, HttpServletRequest request, HttpServletResponse response,
                 Model model) {
        return switch (multiFactor.resetOwn(user, code)) {
            case MultiFactor.Check.Passed passed -> "redirect:" + MfaGate.ENROL;
            case MultiFactor.Check.Wrong wrong -> {
                response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
                model.addAttribute("problem", "That code is not right. Resetting needs the current code from your "
                        + "app or one of your recovery codes; if you have neither, ask an administrator.");
                yield "privacy/mfa-reset";
            }
            case MultiFactor.Check.Locked locked -> {
                new SecurityContextLogoutHandler().logout(request, response, authentication);
                yield "redirect:" + SecurityConfig.LOGIN + "?error=locked";
            }
        };
    }

    @GetMapping(MfaGate.ENROL)
    String enrolPage(@AuthenticationPrincipal CustodianUser user, Model model) {
        if (multiFactor.status(user) == MultiFactor.Status.ENROLLED) {
            return "redirect:/";
        }
        MultiFactor.Enrolment enrolment = multiFactor.startEnrolment(user);
        model.addAttribute("secret", enrolment.secret());
        model.addAttribute("qr", MfaQrCode.of(enrolment.otpauthUri()));
        model.addAttribute("required", multiFactor.status(user) == MultiFactor.Status.ENROLMENT_REQUIRED);
        return "privacy/mfa-enrol";
    }

    @PostMapping(MfaGate.ENROL)
    String confirm(@RequestParam(defaultValue = "") String code, @AuthenticationPrincipal CustodianUser user,
                   HttpServletRequest request, Model model) {
        model.addAttribute("codes", multiFactor.confirmEnrolment(user, code));
        MfaGate.passed(request);
        return "privacy/mfa-recovery";
    }
}
