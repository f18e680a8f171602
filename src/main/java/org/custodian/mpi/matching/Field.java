package org.custodian.mpi.matching;

import java.util.List;

/**
 * The compared fields and their comparison levels, best agreement first. Level 0 of every field
 * means "missing on one side" and weighs nothing; the last level is outright disagreement.
 */
public enum Field {
    GIVEN("Given name", List.of("exact", "nickname", "Jaro-Winkler >= 0.92", "sounds alike", "Jaro-Winkler >= 0.80",
            "initial only", "different")),
    FAMILY("Family name", List.of("exact", "Jaro-Winkler >= 0.92", "sounds alike", "one name of a compound",
            "Jaro-Winkler >= 0.80", "different")),
    BIRTH_DATE("Birth date", List.of("exact", "day and month swapped", "one part differs", "different")),
    SEX("Sex", List.of("same", "different")),
    ADDRESS("Address", List.of("exact", "Jaro-Winkler >= 0.90", "same house number", "different")),
    LOCALITY("City and ZIP", List.of("same ZIP", "same city and state", "same ZIP3", "different")),
    PHONE("Phone", List.of("exact", "same last 7 digits", "partial (one digit off or last 4)", "different")),
    SSN("SSN", List.of("exact", "partial (one digit off or last 4)", "different"));

    /** Bits of a packed comparison vector used per field (levels 0-7). */
    static final int BITS = 3;

    private final String label;
    private final List<String> levels;

    Field(String label, List<String> levels) {
        this.label = label;
        this.levels = levels;
    }

    public String label() {
        return label;
    }

    /** Number of levels including level 0 (missing). */
    public int levelCount() {
        return levels.size() + 1;
    }

    public String levelName(int level) {
        return level == 0 ? "missing" : levels.get(level - 1);
    }

    public boolean isDisagreement(int level) {
        return level == levels.size();
    }

    static boolean isDisagreement(Field field, int level) {
        return field.isDisagreement(level);
    }

    public static int level(int pattern, Field field) {
        return (pattern >>> (field.ordinal() * BITS)) & 7;
    }

    static int pack(int[] levels) {
        int pattern = 0;
        for (int f = 0; f < levels.length; f++) {
            pattern |= levels[f] << (f * BITS);
        }
        return pattern;
    }
}
