package org.custodian.mpi.matching;

import java.util.Optional;

/**
 * Twins and other members of one household agree on family name, birth date (twins), address and
 * phone: summed as independent evidence, those outweigh everything, which is the known blind spot
 * of Fellegi–Sunter. A plainly different given name (not a nickname, typo, sound-alike or initial)
 * together with a different SSN or a different sex is how two people of one household look, so such
 * a pair is no match whatever its weight; a different given name alone is never linked unseen.
 */
public final class HouseholdRule {
    private static final int GIVEN_DIFFERENT = Field.GIVEN.levelCount() - 1;

    private HouseholdRule() {
    }

    /** The reason the pair is two people despite its weight, if the pattern shows one. */
    public static Optional<String> twoPeople(int pattern) {
        if (Field.level(pattern, Field.GIVEN) != GIVEN_DIFFERENT) {
            return Optional.empty();
        }
        if (Field.isDisagreement(Field.SSN, Field.level(pattern, Field.SSN))) {
            return Optional.of("different given name and different SSN: likely a twin or household member");
        }
        if (Field.isDisagreement(Field.SEX, Field.level(pattern, Field.SEX))) {
            return Optional.of("different given name and different sex: likely a twin or household member");
        }
        return Optional.empty();
    }

    /** The reason a person must look before the pair is linked, if the pattern shows one. */
    public static Optional<String> needsReview(int pattern) {
        return Field.level(pattern, Field.GIVEN) == GIVEN_DIFFERENT
                ? Optional.of("different given names: could be twins") : Optional.empty();
    }
}
