package org.custodian.disclosure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The data dictionary of a Safe Harbor export: every file's columns in order, what each holds and
 * what was done to it; written as {@code data-dictionary.csv} with a {@code README.txt} on the method.
 */
final class SafeHarborDictionary {
    private record Column(String file, String name, String description, String treatment) {
    }

    private static final String KEPT = "kept as recorded";
    private static final String DATE = "date: year only (DateMode YEAR) or shifted per patient (DateMode SHIFT)";
    private static final String REF_P = "made-up reference, P000001…, assigned per export; not derived from any identifier";
    private static final String REF_E = "made-up reference, E0000001…, per export; empty when the fact has no encounter";
    private static final String SCRUBBED = "free text scrubbed by the PHI scrubber (typed placeholders such as [NAME])";

    private static final List<Column> COLUMNS = List.of(
            new Column("patients.csv", "patient_ref", "the patient within this data set", REF_P),
            new Column("patients.csv", "sex", "administrative sex: FEMALE, MALE, OTHER, UNKNOWN", KEPT),
            new Column("patients.csv", "birth", "birth date", DATE + "; empty for patients aged 90 or over"),
            new Column("patients.csv", "age", "age in whole years at export, or at death", "ages over 89 given as 90+"),
            new Column("patients.csv", "zip3", "first three digits of the ZIP code",
                    "000 where the three-digit area has 20,000 people or fewer (" + String.join(", ",
                            new TreeSet<>(RestrictedZip3.PREFIXES)) + ") or the ZIP is missing"),
            new Column("patients.csv", "state", "state of residence", KEPT + " (a state is not smaller than a state)"),
            new Column("patients.csv", "deceased", "date of death", DATE),
            new Column("encounters.csv", "patient_ref", "the patient", REF_P),
            new Column("encounters.csv", "encounter_ref", "the encounter within this data set", REF_E),
            new Column("encounters.csv", "class", "INPATIENT, OUTPATIENT, EMERGENCY, OBSERVATION, …", KEPT),
            new Column("encounters.csv", "facility_type", "HOSPITAL, PHYSICIAN_OFFICE, NURSING_HOME", "facility name and code removed"),
            new Column("encounters.csv", "admit", "admission or visit start", DATE),
            new Column("encounters.csv", "discharge", "discharge or visit end", DATE),
            new Column("encounters.csv", "length_of_stay_days", "whole days from admission to discharge", "a duration, not a date"),
            new Column("encounters.csv", "discharge_disposition", "where the patient went", KEPT),
            new Column("encounters.csv", "reason", "reason for the visit", SCRUBBED),
            new Column("diagnoses.csv", "patient_ref", "the patient", REF_P),
            new Column("diagnoses.csv", "encounter_ref", "the encounter", REF_E),
            new Column("diagnoses.csv", "code_system", "code system URI (ICD-10-CM, SNOMED CT, …)", KEPT),
            new Column("diagnoses.csv", "code", "diagnosis code", KEPT),
            new Column("diagnoses.csv", "display", "code description", KEPT),
            new Column("diagnoses.csv", "principal", "principal diagnosis of the encounter", KEPT),
            new Column("diagnoses.csv", "poa", "present-on-admission indicator", KEPT),
            new Column("diagnoses.csv", "onset", "onset", DATE),
            new Column("diagnoses.csv", "resolved", "resolution", DATE),
            new Column("procedures.csv", "patient_ref", "the patient", REF_P),
            new Column("procedures.csv", "encounter_ref", "the encounter", REF_E),
            new Column("procedures.csv", "code_system", "code system URI", KEPT),
            new Column("procedures.csv", "code", "procedure code", KEPT),
            new Column("procedures.csv", "display", "code description", KEPT),
            new Column("procedures.csv", "performed", "when performed", DATE),
            new Column("observations.csv", "patient_ref", "the patient", REF_P),
            new Column("observations.csv", "encounter_ref", "the encounter", REF_E),
            new Column("observations.csv", "loinc", "LOINC code", KEPT),
            new Column("observations.csv", "display", "test name", KEPT),
            new Column("observations.csv", "value", "numeric value, or text value", "numbers kept; text scrubbed"),
            new Column("observations.csv", "unit", "unit (UCUM)", KEPT),
            new Column("observations.csv", "abnormal_flag", "HL7 table 0078 flag", KEPT),
            new Column("observations.csv", "observed", "when observed", DATE),
            new Column("notes.csv", "patient_ref", "the patient", REF_P),
            new Column("notes.csv", "encounter_ref", "the encounter", REF_E),
            new Column("notes.csv", "type", "document type", KEPT),
            new Column("notes.csv", "title", "document title", SCRUBBED),
            new Column("notes.csv", "status", "FINAL, AMENDED or DRAFT (entered-in-error documents are left out)", KEPT),
            new Column("notes.csv", "text", "the current version's text", SCRUBBED
                    + "; the patient's own name, MRNs, phone, SSN, street and city removed wherever they appear"));

    private SafeHarborDictionary() {
    }

    static String[] columns(String file) {
        return COLUMNS.stream().filter(c -> c.file().equals(file)).map(Column::name).toArray(String[]::new);
    }

    static void write(Path folder, Cohort cohort, SafeHarborOptions options, Map<String, Long> counts, Instant at) {
        try (CsvWriter out = new CsvWriter(folder.resolve("data-dictionary.csv"), "file", "column", "description",
                "de-identification")) {
            COLUMNS.stream().filter(c -> counts.containsKey(c.file()))
                    .forEach(c -> out.write(c.file(), c.name(), c.description(), c.treatment()));
        }
        StringBuilder readme = new StringBuilder()
                .append("Custodian Safe Harbor export (45 CFR 164.514(b)(2))\n")
                .append("cohort: ").append(cohort.describe()).append('\n')
                .append("made: ").append(at.atZone(java.time.ZoneOffset.UTC).toLocalDate().getYear())
                .append(" (the full date is withheld like every other date)\n")
                .append("dates: ").append(options.dateMode() == DateMode.YEAR ? "reduced to the year"
                        : "shifted back 1-365 days per patient with a secret key; intervals are true. Shifted dates"
                        + " are not Safe Harbor on their own: release only under a data use agreement or expert"
                        + " determination").append('\n')
                .append("rows: ").append(counts).append('\n')
                .append("""

                        Removed: names; street, city and ZIP beyond three digits; all date elements but the year;
                        telephone and fax numbers; e-mail; SSN; medical record, health plan, account, licence,
                        vehicle and device numbers; URLs and IP addresses; biometric and photographic data (none
                        held); every other identifying number (record ids are replaced by per-export references).
                        Ages over 89 are 90+; their birth year is withheld. Free text goes through the PHI
                        scrubber; it is measured, not perfect (see docs/benchmarks.md), so review notes before release.
                        The columns are described in data-dictionary.csv.
                        """);
        try {
            Files.writeString(folder.resolve("README.txt"), readme, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
