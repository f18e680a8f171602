package org.custodian.mpi.matching;

import java.util.Optional;

/**
 * A plainly different family name (not a typo, sound-alike or one part of a compound) with the same
 * given name, birth date and sex is either a married name or two people: a rare given name shared
 * by strangers born on one day weighs as much as a family name, so the weight alone cannot tell.
 * Such a pair is linked unseen only when an identifier agrees too: the same SSN, or the same phone
 * number at the same address; otherwise a person looks.
 */
public final class FamilyNameRule {
    private static final int FAMILY_DIFFERENT = Field.FAMILY.levelCount() - 1;

    private FamilyNameRule() {
    }

    /** The reason a person must look before the pair is linked, if the pattern shows one. */
    public static Optional<String> needsReview(int pattern) {
        if (Field.level(pattern, Field.FAMILY) != FAMILY_DIFFERENT || strongEvidence(pattern)) {
            return Optional.empty();
        }
        return Optional.of("different family names (a married name?) and no SSN, or phone and address, agreeing");
    }

    private static boolean strongEvidence(int pattern) {
        if (Field.level(pattern, Field.SSN) == 1) {
            return true;
        }
        int phone = Field.level(pattern, Field.PHONE);
        int address = Field.level(pattern, Field.ADDRESS);
        return (phone == 1 || phone == 2) && (address == 1 || address == 2);
    }
}
