package org.custodian.training;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.custodian.coding.CodedLine;

/**
 * An exercise a trainer adds to a set: the sandbox encounter to code, a title and the answer key.
 * The key has at least one code and at most one principal diagnosis; with none marked, the first
 * diagnosis is the principal (diagnoses are listed in sequence).
 */
public record NewExercise(UUID sourceEncounterId, String title, List<AnswerLine> key) {
    public NewExercise {
        Objects.requireNonNull(sourceEncounterId, "sourceEncounterId");
        title = NewExerciseSet.required(title, "exercise title", 160);
        if (key == null || key.isEmpty()) {
            throw new IllegalArgumentException("the answer key needs at least one code");
        }
        long principals = key.stream().filter(AnswerLine::principal).count();
        if (principals > 1) {
            throw new IllegalArgumentException("the answer key marks " + principals
                    + " principal diagnoses; an encounter has one");
        }
        long distinct = key.stream().map(l -> l.kind() + l.code()).distinct().count();
        if (distinct < key.size()) {
            throw new IllegalArgumentException("the answer key lists a code twice");
        }
        key = principals == 0 ? withFirstDiagnosisPrincipal(key) : List.copyOf(key);
    }

    private static List<AnswerLine> withFirstDiagnosisPrincipal(List<AnswerLine> key) {
        List<AnswerLine> lines = new ArrayList<>(key);
        for (int i = 0; i < lines.size(); i++) {
            AnswerLine line = lines.get(i);
            if (line.kind() == CodedLine.Kind.DIAGNOSIS) {
                lines.set(i, new AnswerLine(line.kind(), line.code(), line.description(), true, line.poa()));
                break;
            }
        }
        return List.copyOf(lines);
    }
}
