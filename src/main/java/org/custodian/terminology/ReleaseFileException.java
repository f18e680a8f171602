package org.custodian.terminology;

import java.util.Objects;

/**
 * A release file Custodian refuses, with a stable {@link Problem} code and where: the file name and,
 * when one line is at fault, its 1-based line number ("icd10cm_order_2026.txt line 4312: ...").
 * Nothing of the file is stored when this is thrown; the previous release stays as it was.
 */
public final class ReleaseFileException extends RuntimeException {
    public enum Problem { UNREADABLE, WRONG_KIND, ENCODING, TRUNCATED, BAD_LINE, DUPLICATE_CODE, CONFLICTING_RELEASE }

    private final Problem problem;
    private final String file;
    private final int line;

    public ReleaseFileException(Problem problem, String file, int line, String detail) {
        super(file + (line > 0 ? " line " + line : "") + ": " + detail);
        this.problem = Objects.requireNonNull(problem);
        this.file = Objects.requireNonNull(file);
        this.line = line;
    }

    public Problem problem() {
        return problem;
    }

    public String file() {
        return file;
    }

    /** The 1-based line at fault, or 0 when the whole file is. */
    public int line() {
        return line;
    }
}
