package org.custodian.interop.hl7v2;

import java.util.Map;
import java.util.TreeMap;

/** Small HL7 v2 messages for tests, built field by field so each test shows only what it varies. */
final class Hl7Samples {
    private Hl7Samples() {
    }

    static String msh(String type, String controlId) {
        return msh("EPIC", "RGH", type, controlId, "2.5.1");
    }

    static String msh(String app, String facility, String type, String controlId, String version) {
        return "MSH|^~\\&|" + app + "|" + facility + "|CUSTODIAN|CUST|20260301120000||" + type + "|" + controlId
                + "|P|" + version;
    }

    /**
     * A PID of a woman born on {@code birthDate} whose name, street, ZIP and phone follow from the MRN: every
     * MRN is a different person, as the master patient index would otherwise rightly link or flag them.
     */
    static String pid(String mrn, String birthDate) {
        return "PID|1||" + mrn + "^^^RGH^MR||" + family(mrn) + "^" + given(mrn) + "^Q||" + birthDate
                + "|F|||" + street(mrn) + "^^Springfield^MA^" + zip(mrn) + "||" + phone(mrn);
    }

    /** The family name {@link #pid} gives the MRN. */
    static String family(String mrn) {
        return word(seed(mrn), 8);
    }

    /** The given name {@link #pid} gives the MRN. */
    static String given(String mrn) {
        return word(seed(mrn) ^ 0x5DEECE66DL, 6);
    }

    static String street(String mrn) {
        return (1 + seed(mrn) % 997) + " " + word(seed(mrn) ^ 0xB5AD4ECEDA1CE2A9L, 5) + " St";
    }

    static String phone(String mrn) {
        return "555-" + String.format("%04d", seed(mrn) % 10_000);
    }

    static String zip(String mrn) {
        return String.format("%05d", (seed(mrn) / 10_000) % 100_000);
    }

    private static long seed(String mrn) {
        return new java.util.SplittableRandom(mrn.hashCode() * 1_000_003L).nextLong() & Long.MAX_VALUE;
    }

    /** Letters drawn from the seed, consonant and vowel in turn: names far apart, not sharing a few syllables. */
    private static String word(long seed, int letters) {
        var random = new java.util.SplittableRandom(seed);
        String consonants = "bcdfghjklmnpqrstvwxz";
        String vowels = "aeiouy";
        StringBuilder w = new StringBuilder();
        for (int i = 0; i < letters; i++) {
            String from = i % 2 == 0 ? consonants : vowels;
            w.append(from.charAt(random.nextInt(from.length())));
        }
        return Character.toUpperCase(w.charAt(0)) + w.substring(1);
    }

    /** A segment from field number to value, empty fields in between. */
    static String segment(String name, Map<Integer, String> fields) {
        var sorted = new TreeMap<>(fields);
        StringBuilder s = new StringBuilder(name);
        int last = 0;
        for (var e : sorted.entrySet()) {
            s.append("|".repeat(e.getKey() - last)).append(e.getValue());
            last = e.getKey();
        }
        return s.toString();
    }

    static String pv1(String patientClass, String visit, Map<Integer, String> more) {
        var fields = new TreeMap<Integer, String>(more);
        fields.put(1, "1");
        fields.put(2, patientClass);
        fields.put(19, visit);
        return segment("PV1", fields);
    }

    static String message(String... segments) {
        return String.join("\r", segments) + "\r";
    }

    static String admit(String controlId, String mrn, String visit) {
        return message(msh("ADT^A01^ADT_A01", controlId), "EVN|A01|20260301120000", pid(mrn, "19800215"),
                pv1("I", visit, Map.of(3, "4W^401^A", 44, "20260301115500")));
    }

    static String discharge(String controlId, String mrn, String visit) {
        return message(msh("ADT^A03^ADT_A03", controlId), "EVN|A03|20260305090000", pid(mrn, "19800215"),
                pv1("I", visit, Map.of(36, "01", 45, "20260305083000")));
    }

    static String labs(String controlId, String mrn) {
        return message(msh("ORU^R01^ORU_R01", controlId), pid(mrn, "19800215"),
                "OBR|1|ORD1|FIL1|24323-8^Comprehensive metabolic panel^LN|||20260302070000",
                "OBX|1|NM|2345-7^Glucose^LN||182|mg/dL|70-99|H|||F|||20260302071500",
                "OBX|2|ST|5778-6^Color of Urine^LN||Yellow||||||F");
    }
}
