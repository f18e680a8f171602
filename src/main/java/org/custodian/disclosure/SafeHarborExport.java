package org.custodian.disclosure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.custodian.privacy.AuditAction;
import org.custodian.privacy.AuditEntry;
import org.custodian.privacy.AuditOutcome;
import org.custodian.privacy.AuditTrail;
import org.custodian.record.PatientRepository;
import org.springframework.stereotype.Service;

/**
 * Writes a cohort as a Safe Harbor (164.514(b)(2)) data set: one CSV per kind of fact keyed by
 * made-up patient and encounter references, no names, addresses below the state (ZIP to three
 * digits, 000 where restricted), telephone, e-mail or record numbers; dates to the year (or shifted
 * per patient); ages over 89 as "90+" with the birth year withheld; free text through the scrubber.
 * A data dictionary and a README describing the method go with it. The export is audited.
 */
@Service
public class SafeHarborExport {
    private final CohortRows rows;
    private final PatientRepository patients;
    private final PhiScrubber scrubber;
    private final AuditTrail audit;

    SafeHarborExport(CohortRows rows, PatientRepository patients, PhiScrubber scrubber, AuditTrail audit) {
        this.rows = rows;
        this.patients = patients;
        this.scrubber = scrubber;
        this.audit = audit;
    }

    /** Exports the cohort into {@code folder} (created if needed); {@code progress} hears of each patient written. */
    public ExportSummary export(Cohort cohort, SafeHarborOptions options, Path folder, String actor,
                                ExportProgress progress) {
        if (cohort instanceof Cohort.AtFacility at && !rows.facilityExists(at.facilityCode())) {
            throw new IllegalArgumentException("cohort " + cohort.describe() + ": no facility has the code "
                    + at.facilityCode());
        }
        createFolder(folder);
        List<UUID> ids = rows.patientIds(cohort);
        Instant now = Instant.now();
        Map<UUID, String> patientRefs = new HashMap<>();
        Map<UUID, PatientDates> dates = new HashMap<>();
        Map<UUID, KnownIdentifiers> known = new HashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            patientRefs.put(ids.get(i), String.format("P%06d", i + 1));
            dates.put(ids.get(i), new PatientDates(options.dateMode(), options.shiftKey(), ids.get(i)));
        }
        Map<UUID, String> encounterRefs = new HashMap<>();
        Map<String, Long> counts = new LinkedHashMap<>();

        try (CsvWriter out = new CsvWriter(folder.resolve("patients.csv"), SafeHarborDictionary.columns("patients.csv"))) {
            rows.patients(ids, rs -> {
                UUID id = rs.getObject("id", UUID.class);
                LocalDate birth = CohortRows.date(rs, "birth_date");
                Instant deceased = CohortRows.instant(rs, "deceased_at");
                LocalDate asOf = (deceased == null ? now : deceased).atZone(ZoneOffset.UTC).toLocalDate();
                int age = Period.between(birth, asOf).getYears();
                boolean over89 = age > 89;
                out.write(patientRefs.get(id), rs.getString("sex"), over89 ? null : dates.get(id).of(birth),
                        over89 ? "90+" : Integer.toString(age), RestrictedZip3.of(rs.getString("postal_code")),
                        rs.getString("state"), dates.get(id).of(deceased));
                if (options.withNotes()) {
                    known.put(id, knownOf(id, rs));
                }
                progress.written(out.rows(), ids.size());
            });
            counts.put("patients.csv", out.rows());
        }
        try (CsvWriter out = new CsvWriter(folder.resolve("encounters.csv"), SafeHarborDictionary.columns("encounters.csv"))) {
            rows.encounters(ids, rs -> {
                UUID patient = rs.getObject("patient_id", UUID.class);
                String ref = String.format("E%07d", encounterRefs.size() + 1);
                encounterRefs.put(rs.getObject("id", UUID.class), ref);
                Instant admit = CohortRows.instant(rs, "admit_at");
                Instant discharge = CohortRows.instant(rs, "discharge_at");
                out.write(patientRefs.get(patient), ref, rs.getString("class"), rs.getString("facility_type"),
                        dates.get(patient).of(admit), dates.get(patient).of(discharge),
                        discharge == null ? null : java.time.Duration.between(admit, discharge).toDays(),
                        rs.getString("discharge_disposition"), scrub(rs.getString("reason"), KnownIdentifiers.NONE));
            });
            counts.put("encounters.csv", out.rows());
        }
        try (CsvWriter out = new CsvWriter(folder.resolve("diagnoses.csv"), SafeHarborDictionary.columns("diagnoses.csv"))) {
            rows.diagnoses(ids, rs -> {
                UUID patient = rs.getObject("patient_id", UUID.class);
                out.write(patientRefs.get(patient), encounterRefs.get(rs.getObject("encounter_id", UUID.class)),
                        rs.getString("code_system"), rs.getString("code"), rs.getString("display"),
                        rs.getBoolean("principal"), rs.getString("poa"),
                        dates.get(patient).of(CohortRows.instant(rs, "onset_at")),
                        dates.get(patient).of(CohortRows.instant(rs, "resolved_at")));
            });
            counts.put("diagnoses.csv", out.rows());
        }
        try (CsvWriter out = new CsvWriter(folder.resolve("procedures.csv"), SafeHarborDictionary.columns("procedures.csv"))) {
            rows.procedures(ids, rs -> {
                UUID patient = rs.getObject("patient_id", UUID.class);
                out.write(patientRefs.get(patient), encounterRefs.get(rs.getObject("encounter_id", UUID.class)),
                        rs.getString("code_system"), rs.getString("code"), rs.getString("display"),
                        dates.get(patient).of(CohortRows.instant(rs, "performed_at")));
            });
            counts.put("procedures.csv", out.rows());
        }
        try (CsvWriter out = new CsvWriter(folder.resolve("observations.csv"), SafeHarborDictionary.columns("observations.csv"))) {
            rows.observations(ids, rs -> {
                UUID patient = rs.getObject("patient_id", UUID.class);
                String value = rs.getBigDecimal("value_numeric") != null ? rs.getBigDecimal("value_numeric").toPlainString()
                        : scrub(rs.getString("value_text"), KnownIdentifiers.NONE);
                out.write(patientRefs.get(patient), encounterRefs.get(rs.getObject("encounter_id", UUID.class)),
                        rs.getString("loinc_code"), rs.getString("display"), value, rs.getString("unit"),
                        rs.getString("abnormal_flag"), dates.get(patient).of(CohortRows.instant(rs, "observed_at")));
            });
            counts.put("observations.csv", out.rows());
        }
        if (options.withNotes()) {
            try (CsvWriter out = new CsvWriter(folder.resolve("notes.csv"), SafeHarborDictionary.columns("notes.csv"))) {
                rows.notes(ids, rs -> {
                    UUID patient = rs.getObject("patient_id", UUID.class);
                    KnownIdentifiers patientKnown = known.getOrDefault(patient, KnownIdentifiers.NONE);
                    out.write(patientRefs.get(patient), encounterRefs.get(rs.getObject("encounter_id", UUID.class)),
                            rs.getString("type"), scrub(rs.getString("title"), patientKnown), rs.getString("status"),
                            scrub(rs.getString("body"), patientKnown));
                });
                counts.put("notes.csv", out.rows());
            }
        }
        SafeHarborDictionary.write(folder, cohort, options, counts, now);
        audit.record(new AuditEntry(actor, "", AuditAction.EXPORT, AuditOutcome.SUCCESS, null, "SafeHarborExport",
                cohort.describe(), "Safe Harbor export of " + cohort.describe() + " (dates " + options.dateMode()
                + (options.withNotes() ? ", with scrubbed notes" : "") + "): " + counts + " to " + folder, null));
        return new ExportSummary(folder, cohort.describe(), options.dateMode(), counts);
    }

    private String scrub(String text, KnownIdentifiers known) {
        return text == null || text.isBlank() ? text
                : scrubber.scrub(text, known, Replacement.PLACEHOLDER, "").text();
    }

    private KnownIdentifiers knownOf(UUID id, java.sql.ResultSet rs) throws java.sql.SQLException {
        List<String> identifiers = new ArrayList<>();
        String mrns = rs.getString("mrns");
        if (mrns != null) {
            identifiers.addAll(List.of(mrns.split("\\|")));
        }
        if (rs.getString("phone") != null) {
            identifiers.add(rs.getString("phone"));
        }
        patients.socialSecurityNumber(id).ifPresent(identifiers::add);
        List<String> places = new ArrayList<>();
        if (rs.getString("address_line") != null) {
            places.add(rs.getString("address_line"));
        }
        if (rs.getString("city") != null) {
            places.add(rs.getString("city"));
        }
        return new KnownIdentifiers(List.of(rs.getString("given") + " " + rs.getString("family")), identifiers, places);
    }

    private static void createFolder(Path folder) {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the export folder " + folder, e);
        }
    }
}
