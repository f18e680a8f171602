package org.custodian.mpi;

/** One error a second registration of the same person carries, as the ground truth names it. */
public enum Corruption {
    /** A letter dropped, added or mistyped in a name. */
    TYPO,
    /** Two neighbouring letters or digits swapped. */
    TRANSPOSITION,
    /** A nickname for the first name (Bill for William). */
    NICKNAME,
    /** Another family name: the maiden name, or the name taken at marriage. */
    MARRIED_NAME,
    /** Day and month of the birth date swapped. */
    SWAPPED_DAY_MONTH,
    /** Birth year off by one. */
    WRONG_BIRTH_YEAR,
    /** A field left empty (phone, SSN or address). */
    MISSING_FIELD,
    /** Only the first initial of the first name. */
    INITIAL_ONLY,
    /** Another address, city and ZIP code (the person moved). */
    MOVED_ADDRESS,
    /** Only the last four digits of the SSN. */
    PARTIAL_SSN,
    /** A wrong digit in the SSN or phone number. */
    WRONG_DIGIT,
    /** The address written with abbreviations (St, Ave., Ste). */
    ABBREVIATED_ADDRESS;

    /** The name in the truth file: lower case with hyphens. */
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
