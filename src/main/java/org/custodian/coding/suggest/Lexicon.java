package org.custodian.coding.suggest;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How words are brought to one form on both sides, code descriptions and notes: clinical
 * abbreviations, common lay and clinical synonyms of the words ICD-10-CM uses, British spellings
 * and a light plural stemmer. General medical vocabulary, not tuned to any note.
 */
final class Lexicon {
    /** Words that carry no meaning for matching. "with" and "without" are kept: they change codes. */
    static final Set<String> STOP = Set.of("a", "an", "the", "of", "in", "on", "at", "to", "for", "by", "or", "and",
            "with", "is", "was", "are", "were", "be", "been", "has", "have", "had", "as", "from", "this", "that", "it", "its",
            "his", "her", "their", "patient", "pt", "due", "nos", "which", "who", "also");

    /** One word standing for several (abbreviations); applied to notes only, descriptions spell things out. */
    static final Map<String, List<String>> ABBREVIATIONS = Map.ofEntries(
            Map.entry("htn", List.of("hypertension")),
            Map.entry("dm", List.of("diabetes", "mellitus")),
            Map.entry("dm2", List.of("type", "2", "diabetes", "mellitus")),
            Map.entry("t2dm", List.of("type", "2", "diabetes", "mellitus")),
            Map.entry("niddm", List.of("type", "2", "diabetes", "mellitus")),
            Map.entry("dm1", List.of("type", "1", "diabetes", "mellitus")),
            Map.entry("t1dm", List.of("type", "1", "diabetes", "mellitus")),
            Map.entry("iddm", List.of("type", "1", "diabetes", "mellitus")),
            Map.entry("chf", List.of("congestive", "heart", "failure")),
            Map.entry("copd", List.of("chronic", "obstructive", "pulmonary", "disease")),
            Map.entry("cad", List.of("atherosclerotic", "heart", "disease", "native", "coronary", "artery")),
            Map.entry("mi", List.of("myocardial", "infarction")),
            Map.entry("ami", List.of("acute", "myocardial", "infarction")),
            Map.entry("afib", List.of("atrial", "fibrillation")),
            Map.entry("uti", List.of("urinary", "tract", "infection")),
            Map.entry("uri", List.of("acute", "upper", "respiratory", "infection")),
            Map.entry("gerd", List.of("gastro", "esophageal", "reflux", "disease")),
            Map.entry("ckd", List.of("chronic", "kidney", "disease")),
            Map.entry("aki", List.of("acute", "kidney", "failure")),
            Map.entry("esrd", List.of("end", "stage", "renal", "disease")),
            Map.entry("osa", List.of("obstructive", "sleep", "apnea")),
            Map.entry("bph", List.of("benign", "prostatic", "hyperplasia")),
            Map.entry("oa", List.of("osteoarthritis")),
            Map.entry("ra", List.of("rheumatoid", "arthritis")),
            Map.entry("hld", List.of("hyperlipidemia")),
            Map.entry("adhd", List.of("attention", "deficit", "hyperactivity", "disorder")),
            Map.entry("tia", List.of("transient", "ischemic", "attack")),
            Map.entry("cva", List.of("cerebral", "infarction")),
            Map.entry("ptsd", List.of("post", "traumatic", "stress", "disorder")),
            Map.entry("mdd", List.of("major", "depressive", "disorder")),
            Map.entry("dvt", List.of("deep", "vein", "thrombosis")),
            Map.entry("pe", List.of("pulmonary", "embolism")),
            Map.entry("lbp", List.of("low", "back", "pain")),
            Map.entry("sob", List.of("shortness", "breath")),
            Map.entry("hx", List.of("history")),
            Map.entry("fhx", List.of("family", "history")),
            Map.entry("pmh", List.of("past", "medical", "history")),
            Map.entry("rt", List.of("right")),
            Map.entry("lt", List.of("left")),
            Map.entry("bilat", List.of("bilateral")),
            Map.entry("fx", List.of("fracture")),
            Map.entry("ca", List.of("malignant", "neoplasm")),
            Map.entry("cancer", List.of("malignant", "neoplasm")),
            Map.entry("carcinoma", List.of("malignant", "neoplasm")),
            Map.entry("malignancy", List.of("malignant", "neoplasm")),
            Map.entry("gastroesophageal", List.of("gastro", "esophageal")),
            Map.entry("posttraumatic", List.of("post", "traumatic")),
            Map.entry("covid", List.of("covid", "19")));

    /** One word for another with the same meaning, the right-hand side being what ICD-10-CM writes. */
    private static final Map<String, String> SAME = Map.ofEntries(
            Map.entry("renal", "kidney"),
            Map.entry("stone", "calculus"),
            Map.entry("calculi", "calculus"),
            Map.entry("tumor", "neoplasm"),
            Map.entry("tumour", "neoplasm"),
            Map.entry("anaemia", "anemia"),
            Map.entry("oedema", "edema"),
            Map.entry("diarrhoea", "diarrhea"),
            Map.entry("haemorrhage", "hemorrhage"),
            Map.entry("oesophageal", "esophagus"),
            Map.entry("oesophagus", "esophagus"),
            Map.entry("ischaemic", "ischemic"),
            Map.entry("apnoea", "apnea"),
            Map.entry("paediatric", "pediatric"),
            Map.entry("depressed", "depression"),
            Map.entry("obese", "obesity"),
            Map.entry("asthmatic", "asthma"),
            Map.entry("anemic", "anemia"),
            Map.entry("febrile", "fever"),
            Map.entry("pyrexia", "fever"),
            Map.entry("lungs", "lung"),
            // ICD-10-CM writes "disease" and "disorder" for the same idea ("Gingival disease" is under
            // "Disorders of gingiva"); irregular plurals and derived forms of the nouns titles use
            Map.entry("disease", "disorder"),
            Map.entry("teeth", "tooth"),
            Map.entry("unemployed", "unemployment"),
            Map.entry("homeless", "homelessness"),
            Map.entry("overdose", "poisoning"),
            // the Index sends "microalbuminuria" to albuminuria (R80.9)
            Map.entry("microalbuminuria", "albuminuria"),
            // "neuropathy due to type 2 diabetes" is "type 2 diabetes mellitus with diabetic neuropathy": the
            // combination code ICD-10-CM presumes for diabetes and the conditions listed under "with" (I.A.15)
            Map.entry("diabetic", "diabete"),
            // adjectives of organs to the organ, so "ovarian cancer" meets "neoplasm of ovary"
            Map.entry("ovarian", "ovary"),
            Map.entry("gingival", "gingiva"),
            Map.entry("dental", "tooth"),
            Map.entry("hepatic", "liver"),
            Map.entry("gastric", "stomach"),
            Map.entry("pulmonary", "lung"),
            Map.entry("cardiac", "heart"),
            Map.entry("colonic", "colon"),
            Map.entry("cutaneous", "skin"),
            Map.entry("uterine", "uterus"),
            Map.entry("pancreatic", "pancreas"),
            Map.entry("prostatic", "prostate"),
            Map.entry("mammary", "breast"),
            Map.entry("esophageal", "esophagus"),
            Map.entry("rectal", "rectum"),
            Map.entry("testicular", "testis"),
            Map.entry("bronchial", "bronchus"),
            Map.entry("splenic", "spleen"),
            Map.entry("thyroidal", "thyroid"));

    /** Several words for one idea, rewritten to the words ICD-10-CM uses (on both sides). */
    static final List<Phrase> PHRASES = List.of(
            new Phrase(List.of("heart", "attack"), List.of("myocardial", "infarction")),
            new Phrase(List.of("high", "blood", "pressure"), List.of("hypertension")),
            new Phrase(List.of("high", "cholesterol"), List.of("hypercholesterolemia")),
            new Phrase(List.of("coronary", "artery", "disease"),
                    List.of("atherosclerotic", "heart", "disease", "native", "coronary", "artery")),
            new Phrase(List.of("atrial", "fib"), List.of("atrial", "fibrillation")),
            new Phrase(List.of("broken"), List.of("fracture")),
            new Phrase(List.of("stroke"), List.of("cerebral", "infarction")),
            new Phrase(List.of("both"), List.of("bilateral")),
            // the Greek compound and the plain words for the same thing ("disorder of kidney due to diabetes" is
            // "diabetes with diabetic nephropathy")
            new Phrase(List.of("nephropathy"), List.of("kidney", "disease")),
            // ICD-10-CM's words for any drug: "Poisoning by unspecified drugs, medicaments and biological substances"
            new Phrase(List.of("drug"), List.of("drug", "medicament", "biological", "substance")));

    private Lexicon() {
    }

    /** A lower-case word in its one form: synonyms resolved, plurals made singular. */
    static String canonical(String lower) {
        String same = SAME.get(lower);
        if (same != null) {
            return same;
        }
        String singular = singular(lower);
        return SAME.getOrDefault(singular, singular);
    }

    private static String singular(String w) {
        int n = w.length();
        if (n <= 3 || !Character.isLetter(w.charAt(n - 1))) {
            return w;
        }
        if (w.endsWith("ies") && n > 4) {
            return w.substring(0, n - 3) + "y";
        }
        if (w.endsWith("sses") || w.endsWith("xes") || w.endsWith("ches") || w.endsWith("shes")) {
            return w.substring(0, n - 2);
        }
        if (w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is")) {
            return w.substring(0, n - 1);
        }
        return w;
    }

    /** Words rewritten to others wherever they occur in sequence. */
    record Phrase(List<String> words, List<String> replacement) {
        Phrase {
            words = words.stream().map(Lexicon::canonical).toList();
            replacement = replacement.stream().map(Lexicon::canonical).toList();
        }
    }
}
