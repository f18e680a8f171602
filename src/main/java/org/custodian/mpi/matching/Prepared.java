package org.custodian.mpi.matching;

import java.time.LocalDate;
import java.util.List;

/**
 * One person's demographics made ready for comparison: folded, normalised, digits only, with the
 * phonetic codes computed once. {@code problems} names what makes the record unfit to auto-link.
 */
public record Prepared(
        String id,
        String given,
        String givenSound,
        String givenRoot,
        String family,
        String familySound,
        String familyAltSound,
        LocalDate birthDate,
        char sex,
        String address,
        String houseNumber,
        String city,
        String state,
        String zip,
        String phone,
        String ssn,
        List<String> problems) {

    public Prepared {
        problems = List.copyOf(problems);
    }

    public boolean fitToAutoLink() {
        return problems.isEmpty();
    }
}
