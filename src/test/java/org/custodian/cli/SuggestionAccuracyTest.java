package org.custodian.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.custodian.coding.CodeSuggestion;
import org.junit.jupiter.api.Test;

/** The scoring of the coding benchmark: exact and completed figures, and the kinds misses are sorted into. */
class SuggestionAccuracyTest {
    private static final Map<String, List<String>> KEY = Map.of("1", List.of("K069"), "2", List.of("T148XX"),
            "3", List.of("Z7689"));
    private static final Set<String> BILLABLE = Set.of("K069", "K0510", "T148XXA", "Z7689");

    private static CodeSuggestion suggestion(String code) {
        return new CodeSuggestion(code, "title", 0.9, "note", 0, 4, "text");
    }

    @Test
    void aNonBillableKeyCodeIsMetByABillableCodeUnderItOnlyWhenCompleting() {
        SuggestionAccuracy strict = new SuggestionAccuracy(KEY);
        SuggestionAccuracy completed = new SuggestionAccuracy(KEY, BILLABLE::contains);
        for (SuggestionAccuracy a : List.of(strict, completed)) {
            a.score(List.of("1", "2"), List.of("Gingival disease", "Laceration"), "gingival disease, laceration",
                    List.of(suggestion("K06.9"), suggestion("T14.8XXA")));
        }
        assertThat(strict.exact().recall()).isEqualTo(0.5);
        assertThat(strict.exact().precision()).isEqualTo(0.5);
        assertThat(completed.exact().recall()).isEqualTo(1.0);
        assertThat(completed.exact().precision()).isEqualTo(1.0);
    }

    @Test
    void missesAreSortedByWhatTheEngineMakesOfTheConditionsNameAlone() {
        Map<String, Set<String>> alone = Map.of("Gingival disease (disorder)", Set.of("K068"),
                "Medication review due (situation)", Set.of());
        Function<String, Set<String>> engine = name -> alone.getOrDefault(name, Set.of());
        SuggestionAccuracy accuracy = new SuggestionAccuracy(KEY).analysingMisses(new SuggestionAccuracy.MissAnalysis(
                engine, BILLABLE::contains, c -> c.equals("K069")));
        accuracy.score(List.of("1", "2", "3"), List.of("Gingival disease (disorder)", "Laceration",
                "Medication review due (situation)"), "Gingival disease. Medication review due.", List.of());
        assertThat(accuracy.missKinds()).containsExactlyInAnyOrderEntriesOf(Map.of(
                MissKind.SPECIFICITY_DEFAULT, 1, MissKind.KEY_NOT_BILLABLE, 1, MissKind.NO_MATCH, 1));
        assertThat(MissTable.render(accuracy, 3)).contains("| its name alone matches no code | 1 |")
                .contains("| **all misses** | 3 |");
    }

    @Test
    void aConditionTheNoteDoesNotNameOrNamesAfterHistoryOfIsToldApart() {
        Function<String, Set<String>> engine = name -> Set.of("K069");
        assertThat(MissKind.of(List.of("K069"), "Gingival disease", "no such words", engine, c -> true, c -> true))
                .isEqualTo(MissKind.NOT_IN_NOTE);
        assertThat(MissKind.of(List.of("K069"), "Gingival disease", "History of gingival disease.", engine, c -> true,
                c -> true)).isEqualTo(MissKind.HISTORY_CONTEXT);
        assertThat(MissKind.of(List.of("K069"), "Gingival disease", "Denies gingival disease.", engine, c -> true,
                c -> true)).isEqualTo(MissKind.NEGATION_CONTEXT);
    }
}
