package org.custodian.terminology;

import java.util.List;

/** The code terms of one loaded tabular list ({@code version} such as "FY2021"), or none. */
public record TabularTerms(String version, List<CodeTerm> terms) {
    public static final TabularTerms NONE = new TabularTerms("", List.of());

    public TabularTerms {
        terms = List.copyOf(terms);
    }
}
