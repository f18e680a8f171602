package org.custodian.terminology;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The code systems Custodian loads; {@link #id()} is the name used on the command line and in JSON. */
public enum CodeSystem {
    ICD10CM("icd10cm", "ICD-10-CM"),
    ICD10PCS("icd10pcs", "ICD-10-PCS"),
    HCPCS("hcpcs", "HCPCS Level II");

    private final String id;
    private final String title;

    CodeSystem(String id, String title) {
        this.id = id;
        this.title = title;
    }

    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    /** A code as people write it: ICD-10-CM takes a dot after the third character, the others none. */
    public String display(String code) {
        return this == ICD10CM && code.length() > 3 ? code.substring(0, 3) + "." + code.substring(3) : code;
    }

    public static Optional<CodeSystem> byId(String id) {
        String wanted = id.trim().toLowerCase(Locale.ROOT).replace("-", "");
        return Arrays.stream(values()).filter(s -> s.id.equals(wanted)).findFirst();
    }

    /** Removes dots, spaces and case from a code as typed: " e11.9 " becomes "E119". */
    public static String normalize(String code) {
        StringBuilder out = new StringBuilder(code.length());
        for (int i = 0; i < code.length(); i++) {
            char c = code.charAt(i);
            if (c != '.' && !Character.isWhitespace(c)) {
                out.append(Character.toUpperCase(c));
            }
        }
        return out.toString();
    }
}
