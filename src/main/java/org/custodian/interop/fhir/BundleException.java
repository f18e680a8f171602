package org.custodian.interop.fhir;

/**
 * A bundle that cannot be loaded, with where in it the problem is, as a FHIRPath-like location
 * ({@code Bundle.entry[3].resource.birthDate}). It rolls back that bundle only.
 */
final class BundleException extends RuntimeException {
    @java.io.Serial
    private static final long serialVersionUID = 1L;

    private final String where;
    private final String problem;

    BundleException(String where, String problem) {
        super(where + ": " + problem);
        this.where = where;
        this.problem = problem;
    }

    /** The same problem, located inside entry {@code index} (a resource-relative path gets its prefix). */
    BundleException inEntry(int index) {
        String prefix = "Bundle.entry[" + index + "]";
        return where.startsWith("Bundle") ? this
                : new BundleException(where.isEmpty() ? prefix : prefix + ".resource." + where, problem);
    }

    /** What is wrong, without the location. */
    String problem() {
        return problem;
    }

    String where() {
        return where;
    }
}
