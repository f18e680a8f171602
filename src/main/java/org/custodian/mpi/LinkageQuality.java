package org.custodian.mpi;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Precision, recall and F1 of linked pairs against ground truth (which record belongs to which
 * person). A pair counts as found when the MPI auto-links it or sends it to review.
 */
public record LinkageQuality(long truePairs, long autoLinked, long autoLinkedCorrect, long review, long reviewCorrect) {

    /** Linked pairs as (id_a, id_b, decision code). */
    public record Linked(String a, String b, String decision) {
    }

    public static LinkageQuality measure(List<DuplicateGenerator.Row> truth, List<Linked> linked) {
        Map<String, String> personOf = new HashMap<>();
        Map<String, Integer> recordsPerPerson = new HashMap<>();
        for (DuplicateGenerator.Row row : truth) {
            personOf.put(row.demographics().id(), row.person());
            recordsPerPerson.merge(row.person(), 1, Integer::sum);
        }
        long truePairs = recordsPerPerson.values().stream().mapToLong(n -> (long) n * (n - 1) / 2).sum();
        long auto = 0;
        long autoCorrect = 0;
        long review = 0;
        long reviewCorrect = 0;
        for (Linked pair : linked) {
            boolean same = personOf.get(pair.a()).equals(personOf.get(pair.b()));
            if (pair.decision().equals("auto-link")) {
                auto++;
                autoCorrect += same ? 1 : 0;
            } else if (pair.decision().equals("review")) {
                review++;
                reviewCorrect += same ? 1 : 0;
            }
        }
        return new LinkageQuality(truePairs, auto, autoCorrect, review, reviewCorrect);
    }

    public double precision() {
        long found = autoLinked + review;
        return found == 0 ? 1 : (double) (autoLinkedCorrect + reviewCorrect) / found;
    }

    public double recall() {
        return truePairs == 0 ? 1 : (double) (autoLinkedCorrect + reviewCorrect) / truePairs;
    }

    public double f1() {
        double p = precision();
        double r = recall();
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    public double autoLinkPrecision() {
        return autoLinked == 0 ? 1 : (double) autoLinkedCorrect / autoLinked;
    }

    /** Of the pairs a person must look at, the share that are not true duplicates. */
    public double reviewShareOfUncertain() {
        long errors = (autoLinked - autoLinkedCorrect);
        long uncertain = review + errors;
        return uncertain == 0 ? 1 : (double) review / uncertain;
    }
}
