package org.custodian.mpi;

import java.time.LocalDate;
import org.custodian.record.Sex;

/**
 * The identifying facts the MPI compares, as received: any of them may be missing (null). The id is
 * the caller's handle for the person (a patient id, a legacy system's key, a CSV row's id).
 */
public record Demographics(
        String id,
        String given,
        String family,
        LocalDate birthDate,
        Sex sex,
        String addressLine,
        String city,
        String state,
        String postalCode,
        String phone,
        String ssn) {

    public Demographics {
        if (sex == null) {
            sex = Sex.UNKNOWN;
        }
    }
}
