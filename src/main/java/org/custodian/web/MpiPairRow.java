package org.custodian.web;

import java.util.Locale;
import org.custodian.mpi.Demographics;
import org.custodian.mpi.FieldAgreement;

/** One row of the side-by-side comparison: the field, both values, how they compared and what it weighed. */
record MpiPairRow(String field, String a, String b, String level, String agreement, String weight, String evidence) {
    private static final java.time.format.DateTimeFormatter US_DATE =
            java.time.format.DateTimeFormatter.ofPattern("MM/dd/yyyy", Locale.US);

    static MpiPairRow of(FieldAgreement f, Demographics a, Demographics b) {
        String evidence = f.agreement() == FieldAgreement.Agreement.MISSING ? "missing on one side: no evidence"
                : String.format(Locale.ROOT, "m %.4f, u %.5f%s", f.m(), f.u(), f.frequencyAdjustment() == 0 ? ""
                : String.format(Locale.ROOT, ", name frequency %+.1f", f.frequencyAdjustment()));
        return new MpiPairRow(f.field(), value(f.field(), a), value(f.field(), b), f.level(), f.agreement().css(),
                String.format(Locale.ROOT, "%+.1f", f.weight()), evidence);
    }

    private static String value(String field, Demographics d) {
        String value = switch (field) {
            case "Given name" -> d.given();
            case "Family name" -> d.family();
            case "Birth date" -> d.birthDate() == null ? null : US_DATE.format(d.birthDate());
            case "Sex" -> d.sex().name().toLowerCase(Locale.ROOT);
            case "Address" -> d.addressLine();
            case "City and ZIP" -> join(d.city(), d.state(), d.postalCode());
            case "Phone" -> d.phone();
            case "SSN" -> masked(d.ssn());
            default -> null;
        };
        return value == null || value.isBlank() ? Formats.NONE : value;
    }

    private static String join(String... parts) {
        return String.join(" ", java.util.Arrays.stream(parts).filter(p -> p != null && !p.isBlank()).toList());
    }

    /** The SSN is compared in full but shown only by its last four digits. */
    private static String masked(String ssn) {
        if (ssn == null) {
            return null;
        }
        String digits = ssn.replaceAll("[^0-9]", "");
        return digits.length() < 4 ? "***" : "***-**-" + digits.substring(digits.length() - 4);
    }
}
