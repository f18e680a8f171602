package org.custodian.coding.suggest;

import java.util.List;
import java.util.Set;

/**
 * Defaults the ICD-10-CM guidelines set for what a note leaves unsaid. Section I.C.4.a.2: when the
 * type of diabetes mellitus is not documented, the default is type 2 (E11.-).
 */
final class GuidelineDefaults {
    private static final Set<String> DIABETES_TYPED = Set.of("1", "2", "gestational", "insipidus", "pregnancy",
            "childbirth", "puerperium", "underlying", "drug", "chemical", "neonatal", "other", "prediabete", "prediabetes");

    private GuidelineDefaults() {
    }

    static void apply(List<Normalizer.Normalized> clause) {
        Normalizer.Normalized diabetes = null;
        for (Normalizer.Normalized n : clause) {
            if (DIABETES_TYPED.contains(n.token()) || n.token().equals("type")) {
                return;
            }
            if (n.token().equals("diabete") && diabetes == null) {
                diabetes = n;
            }
        }
        if (diabetes != null) {
            clause.add(new Normalizer.Normalized("type", diabetes.word(), diabetes.word()));
            clause.add(new Normalizer.Normalized("2", diabetes.word(), diabetes.word()));
        }
    }
}
