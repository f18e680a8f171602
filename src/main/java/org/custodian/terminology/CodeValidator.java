package org.custodian.terminology;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/** Checks a code against the release in force on the date of service (or the latest release). */
@Component
class CodeValidator {
    private static final Pattern CODE = Pattern.compile("[A-Z0-9]{1,7}");
    private static final Map<CodeSystem, Pattern> SHAPES = Map.of(
            CodeSystem.ICD10CM, Pattern.compile("[A-Z][0-9A-Z][0-9A-Z]{1,5}"),
            CodeSystem.ICD10PCS, Pattern.compile("[0-9A-HJ-NP-Z]{3}|[0-9A-HJ-NP-Z]{7}"),
            CodeSystem.HCPCS, Pattern.compile("[A-Z][0-9]{4}|[A-Z0-9]{2}"));

    private final ReleaseIndexes indexes;
    private final ReleaseRepository repository;

    CodeValidator(ReleaseIndexes indexes, ReleaseRepository repository) {
        this.indexes = indexes;
        this.repository = repository;
    }

    CodeValidation validate(String input, Optional<LocalDate> date, Optional<CodeSystem> only) {
        String code = CodeSystem.normalize(input);
        if (!CODE.matcher(code).matches() || input.chars().filter(c -> c == '.').count() > 1) {
            return new CodeValidation.Malformed(input, "'" + input + "' is not a code: 1 to 7 letters and digits,"
                    + " with at most one dot");
        }
        List<CodeSystem> systems = new ArrayList<>();
        for (CodeSystem s : CodeSystem.values()) {
            boolean dotOk = !input.contains(".") || s == CodeSystem.ICD10CM;
            if ((only.isEmpty() || only.get() == s) && dotOk && (only.isPresent() || SHAPES.get(s).matcher(code).matches())) {
                systems.add(s);
            }
        }
        if (systems.isEmpty()) {
            return new CodeValidation.Malformed(input, "'" + input + "' has the form of no code system"
                    + " (ICD-10-CM A00.0, ICD-10-PCS 0016070, HCPCS A0021 or modifier LT)");
        }
        List<CodeValidation> verdicts = systems.stream().map(s -> validate(input, code, s, date)).toList();
        for (Class<?> preferred : List.of(CodeValidation.Valid.class, CodeValidation.Header.class,
                CodeValidation.NotValidOnDate.class)) {
            for (CodeValidation v : verdicts) {
                if (preferred.isInstance(v)) {
                    return v;
                }
            }
        }
        List<CodeValidation> unknown = verdicts.stream().filter(CodeValidation.Unknown.class::isInstance).toList();
        List<CodeValidation> noRelease = verdicts.stream().filter(CodeValidation.NoReleaseOnDate.class::isInstance).toList();
        if (unknown.isEmpty()) {
            return noRelease.getFirst();
        }
        if (!noRelease.isEmpty()) {
            return new CodeValidation.Unknown(input, code, systems, Stream.concat(unknown.stream(), noRelease.stream())
                    .map(CodeValidation::message).collect(Collectors.joining("; ")));
        }
        return new CodeValidation.Unknown(input, code, systems, systems.stream().map(s -> s.display(code)).distinct()
                .collect(Collectors.joining("/")) + " is not a code in any loaded "
                + systems.stream().map(CodeSystem::title).collect(Collectors.joining(" or ")) + " release");
    }

    private CodeValidation validate(String input, String code, CodeSystem system, Optional<LocalDate> date) {
        String shown = system.display(code);
        Optional<Release> found = indexes.release(system, date);
        if (found.isEmpty()) {
            String when = date.map(d -> "in force on " + d).orElse("loaded");
            return new CodeValidation.NoReleaseOnDate(input, system, date.orElse(null),
                    "no " + system.title() + " release " + when + " (loaded: " + loaded(system) + ")");
        }
        Release release = found.get();
        String on = date.map(d -> " on " + d).orElse("");
        ReleaseCodes listed = indexes.codes(release);
        MedicalCode known = listed.find(code);
        LocalDate day = date.orElse(release.effectiveFrom());
        if (known != null && known.inEffectOn(day)) {
            if (known.billable()) {
                return new CodeValidation.Valid(input, known, release, shown + " is a billable " + system.title()
                        + " code in " + release.version() + " (" + release.effectiveFrom() + " to " + release.effectiveTo()
                        + "): " + known.longDescription());
            }
            List<MedicalCode> examples = listed.billableUnder(code, 3);
            return new CodeValidation.Header(input, known, release, examples, shown + " is a category (header) in "
                    + release.label() + ", not billable: add characters" + (examples.isEmpty() ? "" : ", e.g. "
                    + examples.stream().map(MedicalCode::display).collect(Collectors.joining(", "))));
        }
        if (known != null) {
            return new CodeValidation.NotValidOnDate(input, system, code, day, found, List.of(), shown + " is listed in "
                    + release.label() + " but in effect only " + span(known) + ", not on " + day);
        }
        List<ReleaseRepository.Listing> listings = repository.listings(system, code);
        if (listings.isEmpty()) {
            return new CodeValidation.Unknown(input, code, List.of(system), shown + " is not a code in any loaded "
                    + system.title() + " release");
        }
        List<Release> validIn = listings.stream().filter(ReleaseRepository.Listing::billable)
                .map(ReleaseRepository.Listing::release).toList();
        String where = validIn.isEmpty() ? "it is only a header in " + listings.stream()
                .map(l -> l.release().version()).collect(Collectors.joining(", "))
                : "it is valid in " + validIn.stream().map(r -> r.version() + " (" + r.effectiveFrom() + " to "
                + r.effectiveTo() + ")").collect(Collectors.joining(", "));
        return new CodeValidation.NotValidOnDate(input, system, code, day, found, validIn, shown + " is not in "
                + release.label() + ", the release in force" + on + "; " + where);
    }

    private static String span(MedicalCode code) {
        return (code.validFrom() == null ? "" : "from " + code.validFrom() + " ")
                + (code.validTo() == null ? "" : "until " + code.validTo());
    }

    private String loaded(CodeSystem system) {
        String list = indexes.releases().stream().filter(r -> r.system() == system)
                .map(r -> r.version() + " " + r.effectiveFrom() + " to " + r.effectiveTo()).collect(Collectors.joining(", "));
        return list.isEmpty() ? "none" : list;
    }
}
