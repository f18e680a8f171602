package org.custodian.interop.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.springframework.stereotype.Component;

/**
 * Checks each entry of a bundle against the base R4 profiles with HAPI's FhirInstanceValidator,
 * before anything is written. Building the validator costs seconds, so there is one, built on first
 * use. An error names the element as {@code Bundle.entry[3].resource.birthDate}; warnings pass.
 */
@Component
final class EntryValidator {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(EntryValidator.class);

    private final FhirContext fhir;
    private volatile FhirValidator validator;

    EntryValidator(FhirContext fhir) {
        this.fhir = fhir;
    }

    /**
     * Bundles with more entries than this are not profile-checked: the validator costs tens of
     * milliseconds per resource once warm (about 175 ms on this busy 2-core machine), so a 35,000-entry
     * Synthea bundle would take many minutes. Those still pass the importer's own checks.
     */
    static final int MAX_ENTRIES = 500;

    /**
     * Throws {@link BundleException} at the first entry with an error. Returns false, having checked
     * nothing, when the bundle is larger than {@link #MAX_ENTRIES}.
     */
    boolean check(Path bundle) {
        int entries = BundleReader.read(bundle, (index, entry) -> index < MAX_ENTRIES);
        if (entries > MAX_ENTRIES) {
            LOG.info("{} has more than {} entries; not profile-checked", bundle.getFileName(), MAX_ENTRIES);
            return false;
        }
        check(bundle, index -> { });
        return true;
    }

    /** The same, telling {@code progress} each entry index that passed. */
    void check(Path bundle, java.util.function.IntConsumer progress) {
        BundleReader.read(bundle, (index, entry) -> {
            JsonNode resource = entry.path("resource");
            if (resource.isObject()) {
                for (SingleValidationMessage message : validator().validateWithResult(resource.toString()).getMessages()) {
                    if (message.getSeverity().ordinal() >= ResultSeverityEnum.ERROR.ordinal()) {
                        throw new BundleException(location(index, element(message.getLocationString(),
                                message.getMessage())), message.getMessage());
                    }
                }
            }
            progress.accept(index);
            return true;
        });
    }

    /** One error the base R4 profiles find, at its element path (e.g. {@code Patient.birthDate}). */
    record Problem(String where, String message) {
    }

    /** The errors (warnings left out) the base R4 profiles find in one resource, as JSON. */
    java.util.List<Problem> errors(String resourceJson) {
        return validator().validateWithResult(resourceJson).getMessages().stream()
                .filter(m -> m.getSeverity().ordinal() >= ResultSeverityEnum.ERROR.ordinal())
                .map(m -> new Problem(element(m.getLocationString(), m.getMessage()), m.getMessage()))
                .toList();
    }

    private static final java.util.regex.Pattern NAMED_ELEMENT =
            java.util.regex.Pattern.compile("^([A-Z][A-Za-z]*(?:\\.[A-Za-z0-9\\[\\]]+)+): ");

    /**
     * The element at fault: the validator locates a missing element at its parent ("Condition") and
     * names it in the message ("Condition.subject: minimum required = 1"); the named one is more precise.
     */
    static String element(String location, String message) {
        var named = NAMED_ELEMENT.matcher(message == null ? "" : message);
        if (named.find() && location != null && named.group(1).startsWith(location)) {
            return named.group(1);
        }
        return location;
    }

    /** {@code Patient.birthDate} in entry 3 as {@code Bundle.entry[3].resource.birthDate}. */
    static String location(int index, String where) {
        String prefix = "Bundle.entry[" + index + "].resource";
        if (where == null || where.isBlank()) {
            return prefix;
        }
        int dot = where.indexOf('.');
        return dot < 0 ? prefix : prefix + where.substring(dot);
    }

    private FhirValidator validator() {
        FhirValidator current = validator;
        if (current == null) {
            synchronized (this) {
                if (validator == null) {
                    long started = System.nanoTime();
                    ValidationSupportChain support = new ValidationSupportChain(new DefaultProfileValidationSupport(fhir),
                            new InMemoryTerminologyServerValidationSupport(fhir),
                            new CommonCodeSystemsTerminologyService(fhir));
                    FhirInstanceValidator instance = new FhirInstanceValidator(support);
                    instance.setAnyExtensionsAllowed(true);
                    // Synthea claims US Core profiles; base R4 is what we check, an unknown profile is a warning
                    instance.setErrorForUnknownProfiles(false);
                    validator = fhir.newValidator().registerValidatorModule(instance);
                    LOG.info("FHIR R4 validator built in {} ms", (System.nanoTime() - started) / 1_000_000);
                }
                current = validator;
            }
        }
        return current;
    }
}
