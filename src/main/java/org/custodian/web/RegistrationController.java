package org.custodian.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.custodian.mpi.Actor;
import org.custodian.mpi.PatientMatcher;
import org.custodian.mpi.PatientRegistration;
import org.custodian.privacy.CustodianUser;
import org.custodian.privacy.Permission;
import org.custodian.privacy.PhiAccess;
import org.custodian.record.Facility;
import org.custodian.record.FacilityRepository;
import org.custodian.record.Patient;
import org.custodian.record.PatientRepository;
import org.custodian.record.Sex;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The registration desk: a new patient's demographics and MRN at one of the user's facilities. The
 * MPI is asked at once; the page then says whether the new record was linked to an existing patient
 * (a certain match, merged reversibly) or which likely duplicates were queued for review, with the
 * weight and how each field compared. For those with REGISTER_PATIENTS.
 */
@Controller
class RegistrationController {
    static final String PATH = "/registration";

    private final PatientRegistration registration;
    private final FacilityRepository facilities;
    private final PatientRepository patients;
    private final PhiAccess phi;

    RegistrationController(PatientRegistration registration, FacilityRepository facilities, PatientRepository patients,
                           PhiAccess phi) {
        this.registration = registration;
        this.facilities = facilities;
        this.patients = patients;
        this.phi = phi;
    }

    /** The form as typed: every field text, so a bad date comes back to the clerk as typed. */
    record Form(UUID facility, String mrn, String given, String family, String birthDate, String sex,
                String address, String city, String state, String zip, String phone, String ssn) {
        static Form empty() {
            return new Form(null, "", "", "", "", "", "", "", "", "", "", "");
        }
    }

    /** A likely duplicate as shown: the patient's name when the user may see it, else only the weight. */
    record Match(UUID patientId, String name, String birthDate, String decision, String weight,
                 List<org.custodian.mpi.FieldAgreement> fields) {
    }

    @GetMapping(PATH)
    String form(@AuthenticationPrincipal CustodianUser user, Model model) {
        requireAllowed(user);
        return page(user, model, Form.empty(), List.of());
    }

    @PostMapping(PATH)
    String register(@ModelAttribute Form form, @AuthenticationPrincipal CustodianUser user, HttpServletRequest request,
                    HttpServletResponse response, Model model) {
        requireAllowed(user);
        List<String> problems = new ArrayList<>();
        if (form.facility() != null && !user.facilityIds().contains(form.facility())) {
            problems.add("facility: you do not work at the facility chosen");
        }
        LocalDate birth = parseDate(form.birthDate(), problems);
        Sex sex = parseSex(form.sex(), problems);
        if (!problems.isEmpty()) {
            response.setStatus(422);
            return page(user, model, form, problems);
        }
        Actor actor = new Actor(user.getUsername(), user.rolesText(), request.getRemoteAddr());
        PatientRegistration.Outcome outcome;
        try {
            outcome = registration.register(new PatientRegistration.Form(form.facility(), form.mrn(), form.given(),
                    form.family(), birth, sex, form.address(), form.city(), form.state(), form.zip(), form.phone(),
                    form.ssn()), actor);
        } catch (PatientRegistration.Refused refused) {
            response.setStatus(422);
            return page(user, model, form, refused.problems());
        }
        model.addAttribute("patientId", outcome.patientId());
        model.addAttribute("name", form.given().trim() + " " + form.family().trim());
        model.addAttribute("linkedInto", outcome.linkedInto().orElse(null));
        model.addAttribute("matches", outcome.candidates().stream().map(c -> match(user, c)).toList());
        return "registration/result";
    }

    private Match match(CustodianUser user, PatientMatcher.Candidate c) {
        Optional<Patient> seen = phi.readRecord(user, c.patientId(), "Patient", c.patientId().toString(),
                () -> patients.find(c.patientId()));
        return new Match(c.patientId(), seen.map(Patient::fullName).orElse("a patient outside your facilities"),
                seen.map(p -> p.birthDate().toString()).orElse(""), c.decision().code(),
                String.format(java.util.Locale.ROOT, "%.1f", c.weight()), c.fields());
    }

    private String page(CustodianUser user, Model model, Form form, List<String> problems) {
        List<Facility> mine = facilities.byIds(user.facilityIds());
        model.addAttribute("form", form);
        model.addAttribute("facilities", mine);
        model.addAttribute("problems", problems);
        model.addAttribute("sexes", Sex.values());
        return "registration/form";
    }

    private static LocalDate parseDate(String text, List<String> problems) {
        if (text == null || text.isBlank()) {
            return null; // the registration names a missing birth date
        }
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            problems.add("birth date: '" + text.trim() + "' is not a date (YYYY-MM-DD)");
            return null;
        }
    }

    private static Sex parseSex(String text, List<String> problems) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Sex.valueOf(text.trim());
        } catch (IllegalArgumentException e) {
            problems.add("sex: '" + text.trim() + "' is not one of female, male, other, unknown");
            return null;
        }
    }

    private static void requireAllowed(CustodianUser user) {
        if (!user.can(Permission.REGISTER_PATIENTS)) {
            throw new PageForbidden("Your role does not include registering patients.");
        }
    }
}
