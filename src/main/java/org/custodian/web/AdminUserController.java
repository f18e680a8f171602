package org.custodian.web;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.custodian.privacy.CustodianUser;
import org.custodian.privacy.NewUser;
import org.custodian.privacy.Role;
import org.custodian.privacy.UserAdministration;
import org.custodian.privacy.UserChange;
import org.custodian.privacy.UserSummary;
import org.custodian.record.Facility;
import org.custodian.record.FacilityRepository;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * User administration: the list of accounts, a new account with a temporary password shown once,
 * and an account's roles and facilities. Saving signs the user out everywhere so the new grants
 * apply at once. Status changes (disable, unlock, password reset) are in {@link AdminUserStatusController}.
 */
@Controller
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET) // sessions exist only when serving
class AdminUserController {
    static final String PATH = "/admin/users";

    private final UserAdministration administration;
    private final FacilityRepository facilities;
    private final UserSessions sessions;

    AdminUserController(UserAdministration administration, FacilityRepository facilities, UserSessions sessions) {
        this.administration = administration;
        this.facilities = facilities;
        this.sessions = sessions;
    }

    @GetMapping(PATH)
    String list(@RequestParam(defaultValue = "") String q, @RequestParam(required = false) Role role,
                @AuthenticationPrincipal CustodianUser admin, Model model) {
        String needle = q.strip().toLowerCase(Locale.ROOT);
        List<UserSummary> users = administration.list(admin).stream()
                .filter(u -> needle.isEmpty() || u.username().contains(needle)
                        || u.displayName().toLowerCase(Locale.ROOT).contains(needle))
                .filter(u -> role == null || u.roles().contains(role))
                .toList();
        model.addAttribute("users", users);
        model.addAttribute("q", q.strip());
        model.addAttribute("role", role);
        model.addAttribute("roles", Arrays.asList(Role.values()));
        model.addAttribute("facilityCodes", facilityCodes());
        model.addAttribute("now", Instant.now());
        return "admin/users";
    }

    @GetMapping(PATH + "/new")
    String newUser(Model model) {
        model.addAttribute("roles", Arrays.asList(Role.values()));
        model.addAttribute("facilities", facilities.all());
        return "admin/user-new";
    }

    @PostMapping(PATH)
    String create(@RequestParam(defaultValue = "") String username, @RequestParam(defaultValue = "") String displayName,
                  @RequestParam(name = "role", required = false) List<Role> roles,
                  @RequestParam(name = "facility", required = false) List<UUID> facilityIds,
                  @AuthenticationPrincipal CustodianUser admin, RedirectAttributes flash, Model model) {
        String temporary = UserAdministration.temporaryPassword();
        try {
            UserSummary created = administration.create(admin, new NewUser(username.strip(), displayName.strip(),
                    temporary, chosen(roles), facilityIds == null ? Set.of() : Set.copyOf(facilityIds)));
            flash.addFlashAttribute("temporaryPassword", temporary);
            flash.addFlashAttribute("done", "Account " + created.username() + " created. Give the user the temporary "
                    + "password below in person or by phone; they must change it at their first sign-in.");
            return "redirect:" + PATH + "/" + created.username();
        } catch (IllegalArgumentException invalid) {
            model.addAttribute("problem", ErrorPages.sentence(invalid.getMessage()));
            model.addAttribute("username", username);
            model.addAttribute("displayName", displayName);
            model.addAttribute("chosenRoles", roles == null ? List.of() : roles);
            model.addAttribute("chosenFacilities", facilityIds == null ? List.of() : facilityIds);
            return newUser(model);
        }
    }

    @GetMapping(PATH + "/{username}")
    String edit(@PathVariable String username, @AuthenticationPrincipal CustodianUser admin, Model model) {
        UserSummary user = administration.find(admin, username)
                .orElseThrow(() -> new PageNotFound("There is no user named " + username + "."));
        model.addAttribute("user", user);
        model.addAttribute("self", user.id().equals(admin.id()));
        model.addAttribute("roles", Arrays.asList(Role.values()));
        model.addAttribute("facilities", facilities.all());
        model.addAttribute("now", Instant.now());
        return "admin/user-edit";
    }

    @PostMapping(PATH + "/{username}")
    String save(@PathVariable String username, @RequestParam(defaultValue = "") String displayName,
                @RequestParam(name = "role", required = false) List<Role> roles,
                @RequestParam(name = "facility", required = false) List<UUID> facilityIds,
                @AuthenticationPrincipal CustodianUser admin, RedirectAttributes flash) {
        return FlashSteps.attempt(flash, "Saved. " + username + " is signed out so the change applies at once.",
                PATH + "/" + username, () -> {
                    administration.change(admin, username, new UserChange(displayName, chosen(roles),
                            facilityIds == null ? Set.of() : Set.copyOf(facilityIds)));
                    sessions.signOutEverywhere(username);
                    return null;
                });
    }

    private Map<UUID, String> facilityCodes() {
        return facilities.all().stream().collect(Collectors.toMap(Facility::id, Facility::code, (a, b) -> a));
    }

    private static Set<Role> chosen(List<Role> roles) {
        return roles == null || roles.isEmpty() ? Set.of() : EnumSet.copyOf(roles);
    }
}
