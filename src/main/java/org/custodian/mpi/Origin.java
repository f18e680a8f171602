package org.custodian.mpi;

import java.util.List;

/** How a generated record came to be: the ground truth beside the person it belongs to. */
public sealed interface Origin {

    /** The person's first registration. */
    record Original() implements Origin {
    }

    /** A second registration of the record {@code of}, with the errors it carries (possibly none that took). */
    record Duplicate(String of, List<Corruption> errors) implements Origin {
        public Duplicate {
            errors = List.copyOf(errors);
        }
    }

    /**
     * Another person born the same day to the same family and living at the same address as the
     * record {@code of}, with another first name: a hard non-match.
     */
    record Twin(String of) implements Origin {
    }
}
