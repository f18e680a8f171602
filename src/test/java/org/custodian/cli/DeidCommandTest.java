package org.custodian.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.custodian.Custodian;
import org.custodian.privacy.AuditAction;
import org.custodian.privacy.AuditQuery;
import org.custodian.privacy.AuditTrail;
import org.custodian.record.Facility;
import org.custodian.record.FacilityRepository;
import org.custodian.record.FacilityType;
import org.custodian.record.Mrn;
import org.custodian.record.Patient;
import org.custodian.record.Provenance;
import org.custodian.record.RecordFixtures;
import org.custodian.record.RecordWriter;
import org.custodian.record.Sex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.transaction.support.TransactionTemplate;
import picocli.CommandLine;

/** Runs {@code custodian deid text} and {@code custodian deid export} as a user would. */
class DeidCommandTest {
    @TempDir
    Path work;

    @Test
    void textScrubsEveryTextFileIntoTheSameTreeAndSkipsBinaries() throws IOException {
        Path in = work.resolve("in");
        Files.createDirectories(in.resolve("ward/a"));
        Files.writeString(in.resolve("note1.txt"), "Seen 04/02/2023 by Dr. Hollis Vantreight. Call 617-555-0188.");
        Files.writeString(in.resolve("ward/a/note2.md"), "MRN: ZX-8812345, e-mail h.v@clinic.org");
        Files.write(in.resolve("scan.bin"), new byte[] {1, 0, 2, 3});
        Path out = work.resolve("out");

        Result result = run("deid", "text", "--in", in.toString(), "--out", out.toString());

        assertThat(result.code()).isZero();
        assertThat(result.out()).contains("scrubbed 2 of 3 files");
        assertThat(result.err()).contains("skipped scan.bin");
        assertThat(Files.readString(out.resolve("note1.txt"))).isEqualTo("Seen [DATE] by Dr. [NAME]. Call [PHONE].");
        assertThat(Files.readString(out.resolve("ward/a/note2.md"))).isEqualTo("MRN: [MRN], e-mail [EMAIL]");
        assertThat(out.resolve("scan.bin")).doesNotExist();
    }

    @Test
    void textRefusesAnInputThatIsNotAFolder() {
        Result result = run("deid", "text", "--in", work.resolve("missing").toString(), "--out", work.toString());
        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).contains("is not a folder");
    }

    @Test
    void exportWritesASafeHarborDataSetWithItsDictionaryAndAuditsIt() throws IOException {
        Path data = work.resolve("data");
        try (Launcher.Running app = Launcher.start(data, Launcher.Mode.TASK, Map.of())) {
            RecordFixtures fixtures = new RecordFixtures(app.bean(FacilityRepository.class), app.bean(RecordWriter.class),
                    app.bean(TransactionTemplate.class));
            Facility hospital = fixtures.facility("DEID-H", FacilityType.HOSPITAL);
            fixtures.patient("Orla", "Quennell", LocalDate.of(1980, 5, 17), hospital, "DQ-100");
            Patient old = new Patient(UUID.randomUUID(), "Bertram", "Yellowlees", LocalDate.of(1925, 2, 3), Sex.MALE,
                    new Patient.Address("9 Pine Road", "Jackson", "WY", "83001"), "307-555-0123", null);
            app.bean(TransactionTemplate.class).executeWithoutResult(s -> app.bean(RecordWriter.class).batch()
                    .patient(old, null, Provenance.now("test", "deid", "tester"))
                    .identifier(old.id(), new Mrn(hospital.id(), "DQ-200")).flush());
        }
        Path out = work.resolve("export");

        Result result = run("deid", "export", "--data", data.toString(), "--cohort", "facility:DEID-H",
                "--out", out.toString(), "--with-notes");

        assertThat(result.code()).as(result.err()).isZero();
        assertThat(result.out()).contains("2 patients.csv", "1 encounters.csv", "1 notes.csv");
        List<String> patients = Files.readAllLines(out.resolve("patients.csv"));
        assertThat(patients.getFirst()).isEqualTo("patient_ref,sex,birth,age,zip3,state,deceased");
        assertThat(patients).anySatisfy(row -> assertThat(row).startsWith("P00000").contains(",FEMALE,1980,")
                .contains(",021,MA,"));
        assertThat(patients).anySatisfy(row -> assertThat(row).contains(",MALE,,90+,000,WY,"));
        String everything = String.join("\n", Files.readAllLines(out.resolve("encounters.csv")))
                + Files.readString(out.resolve("notes.csv")) + String.join("\n", patients);
        assertThat(everything).doesNotContain("Quennell", "Yellowlees", "DQ-100", "1 Main St", "02110", "05-17");
        assertThat(Files.readString(out.resolve("data-dictionary.csv"))).contains("patients.csv,zip3", "036, 059");
        assertThat(Files.readString(out.resolve("README.txt"))).contains("cohort: facility:DEID-H", "reduced to the year");

        try (Launcher.Running app = Launcher.start(data, Launcher.Mode.TASK, Map.of())) {
            var events = app.bean(AuditTrail.class).search(new AuditQuery(null, null, AuditAction.EXPORT, null, null, null, false, 0, 50)).events();
            assertThat(events).anySatisfy(e -> {
                assertThat(e.action()).isEqualTo(AuditAction.EXPORT);
                assertThat(e.detail()).contains("Safe Harbor export of facility:DEID-H");
            });
        }
    }

    @Test
    void exportNamesAnUnknownCohortForm() {
        Result result = run("deid", "export", "--data", work.resolve("d").toString(), "--cohort", "ward:7",
                "--out", work.resolve("x").toString());
        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).contains("cohort 'ward:7' is not understood");
    }

    private record Result(int code, String out, String err) {
    }

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Custodian.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute(args);
        return new Result(code, out.toString(), err.toString());
    }
}
