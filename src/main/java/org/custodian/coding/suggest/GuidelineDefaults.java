package org.custodian.coding.suggest;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Defaults the ICD-10-CM guidelines set for what a note leaves unsaid. Section I.C.4.a.2: when the
 * type of diabetes mellitus is not documented, the default is type 2 (E11.-).
 */
final class GuidelineDefaults {
    private static final Set<String> DIABETES_TYPED = Set.of("1", "2", "gestational", "insipidus", "pregnancy",
            "childbirth", "puerperium", "underlying", "drug", "chemical", "neonatal", "other", "prediabete", "prediabetes");

    /**
     * Conditions coded only when confirmed, even for inpatients, whose uncertain diagnoses are otherwise
     * coded as established (Section II.H): HIV disease (I.C.1.a.1.a), COVID-19 (I.C.1.g.1.a), Zika virus
     * disease (I.C.1.h) and influenza due to identified viruses (I.C.10.c.1). Codes (without dot) or their categories.
     */
    private static final Set<String> CONFIRMED_ONLY = Set.of("B20", "U071", "A925", "J09", "J10");

    /**
     * What an unconfirmed ("suspected", "possible", "probable") diagnosis is coded as when the note names no sign
     * or symptom of it: contact with and (suspected) exposure to COVID-19 (I.C.1.g.1.a, .c, .e) or to Zika virus
     * (I.C.1.h). Codes without dot.
     */
    private static final Map<String, String> EXPOSURE_WHEN_UNCONFIRMED = Map.of("U071", "Z20822", "A925", "Z20821");

    private GuidelineDefaults() {
    }

    /** Whether the guidelines allow this code only for a confirmed diagnosis ("suspected COVID-19" is not U07.1). */
    static boolean onlyWhenConfirmed(String code) {
        return CONFIRMED_ONLY.contains(code) || code.length() >= 3 && CONFIRMED_ONLY.contains(code.substring(0, 3));
    }

    /** The exposure code an unconfirmed {@code code} is coded as when the note names none of its symptoms. */
    static Optional<String> exposureWhenUnconfirmed(String code) {
        return Optional.ofNullable(EXPOSURE_WHEN_UNCONFIRMED.get(code));
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
