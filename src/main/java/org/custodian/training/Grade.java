package org.custodian.training;

import java.util.List;

/** The grade of one attempt: the findings in the order of the key, the points scored and the most possible. */
public record Grade(List<Finding> findings, int score, int maxScore) {
    public Grade {
        findings = List.copyOf(findings);
        if (score < 0 || score > maxScore) {
            throw new IllegalArgumentException("score " + score + " is outside 0.." + maxScore);
        }
    }

    /** The score as a whole percentage (100 when the key holds nothing to score). */
    public int percent() {
        return maxScore == 0 ? 100 : Math.round(100f * score / maxScore);
    }

    public List<Finding> differences() {
        return findings.stream().filter(f -> f.kind().difference()).toList();
    }
}
