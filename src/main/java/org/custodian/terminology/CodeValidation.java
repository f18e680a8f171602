package org.custodian.terminology;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The verdict on one code for a date of service, with a message a coder can act on. */
public sealed interface CodeValidation {
    /** The code as the caller wrote it. */
    String input();

    String message();

    default boolean valid() {
        return this instanceof Valid;
    }

    /** A billable code of the release in force. */
    record Valid(String input, MedicalCode code, Release release, String message) implements CodeValidation {
        public Valid {
            Objects.requireNonNull(code);
            Objects.requireNonNull(release);
        }
    }

    /** A category (header) code, not billable: more characters are needed; {@code examples} are some that are. */
    record Header(String input, MedicalCode code, Release release, List<MedicalCode> examples, String message)
            implements CodeValidation {
        public Header {
            Objects.requireNonNull(code);
            Objects.requireNonNull(release);
            examples = List.copyOf(examples);
        }
    }

    /**
     * A code of a loaded release, but not valid on the date of service: absent from (or terminated in)
     * the release in force then; {@code validIn} are the releases where it is a billable code.
     */
    record NotValidOnDate(String input, CodeSystem system, String code, LocalDate date, Optional<Release> inForce,
                          List<Release> validIn, String message) implements CodeValidation {
        public NotValidOnDate {
            Objects.requireNonNull(system);
            Objects.requireNonNull(inForce);
            validIn = List.copyOf(validIn);
        }
    }

    /** No loaded release of the code's system covers the date of service. */
    record NoReleaseOnDate(String input, CodeSystem system, LocalDate date, String message) implements CodeValidation {
    }

    /** In no loaded release of any system it could belong to. */
    record Unknown(String input, String code, List<CodeSystem> searched, String message) implements CodeValidation {
        public Unknown {
            searched = List.copyOf(searched);
        }
    }

    /** Not shaped like a code at all. */
    record Malformed(String input, String message) implements CodeValidation {
    }
}
