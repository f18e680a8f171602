package org.custodian.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.custodian.Custodian;
import org.custodian.record.FacilityRepository;
import org.custodian.record.FacilityType;
import org.custodian.record.IdentifierCipher;
import org.custodian.record.PatientRepository;
import org.custodian.record.RecordFixtures;
import org.custodian.record.RecordWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import picocli.CommandLine;

/** Runs {@code custodian keys rotate --data DIR} on an embedded database holding sealed SSNs. */
class KeysRotateCommandTest {
    @TempDir
    Path data;

    @Test
    void rotationSealsEverySsnUnderANewKeyKeepsTheOldKeyAndIsAudited() throws Exception {
        List<UUID> patients = new ArrayList<>();
        byte[] sealedBefore;
        try (Launcher.Running app = Launcher.start(data, Launcher.Mode.TASK, Map.of())) {
            var fixtures = new RecordFixtures(app.bean(FacilityRepository.class), app.bean(RecordWriter.class),
                    app.bean(TransactionTemplate.class));
            var hospital = fixtures.facility("KEYS-H", FacilityType.HOSPITAL);
            for (int i = 0; i < 5; i++) {
                patients.add(fixtures.patient("Kay" + i, "Rotation", LocalDate.of(1960, 1, 1 + i), hospital, "K" + i).id());
            }
            sealedBefore = app.bean(JdbcTemplate.class).queryForObject(
                    "SELECT ssn_encrypted FROM patient WHERE id = ?", byte[].class, patients.getFirst());
        }
        String keyBefore = Files.readString(data.resolve("keys/identifier.key"));

        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Custodian.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute("keys", "rotate", "--data", data.toString());

        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("identifier key rotated: 5 identifiers");
        assertThat(err.toString()).contains("re-sealing");
        assertThat(Files.readString(data.resolve("keys/identifier.key"))).isNotEqualTo(keyBefore);
        assertThat(data.resolve("keys/identifier.key.next")).doesNotExist();
        try (Stream<Path> retired = Files.list(data.resolve("keys/retired"))) {
            assertThat(retired.toList()).singleElement().satisfies(p -> assertThat(Files.readString(p)).isEqualTo(keyBefore));
        }

        try (Launcher.Running app = Launcher.start(data, Launcher.Mode.TASK, Map.of())) {
            PatientRepository repository = app.bean(PatientRepository.class);
            JdbcTemplate jdbc = app.bean(JdbcTemplate.class);
            for (UUID id : patients) {
                assertThat(repository.socialSecurityNumber(id)).contains("123-45-6789");
            }
            assertThat(jdbc.queryForObject("SELECT ssn_encrypted FROM patient WHERE id = ?", byte[].class,
                    patients.getFirst())).isNotEqualTo(sealedBefore);
            assertThat(jdbc.queryForObject("SELECT ssn_digest FROM patient WHERE id = ?", String.class,
                    patients.getFirst())).isEqualTo(app.bean(IdentifierCipher.class).digest("123-45-6789"));
            assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_event WHERE action = 'KEY_ROTATION'",
                    Integer.class)).isEqualTo(1);
        }
        assertThat(cli.execute("audit", "verify", "--data", data.toString())).isZero();
    }

    @Test
    void anInterruptedRotationIsFinishedByRunningItAgain() throws Exception {
        try (Launcher.Running app = Launcher.start(data, Launcher.Mode.TASK, Map.of())) {
            var fixtures = new RecordFixtures(app.bean(FacilityRepository.class), app.bean(RecordWriter.class),
                    app.bean(TransactionTemplate.class));
            fixtures.patient("Ina", "Terrupted", LocalDate.of(1961, 2, 2),
                    fixtures.facility("KEYS-I", FacilityType.HOSPITAL), "I1");
        }
        // a stale next key that never sealed anything is discarded, and the rotation runs in full
        Files.writeString(data.resolve("keys/identifier.key.next"),
                java.util.Base64.getEncoder().encodeToString(new byte[32]) + "\n");
        CommandLine cli = Custodian.commandLine();
        cli.setOut(new PrintWriter(new StringWriter(), true));
        cli.setErr(new PrintWriter(new StringWriter(), true));
        assertThat(cli.execute("keys", "rotate", "--data", data.toString())).isZero();
        try (Launcher.Running app = Launcher.start(data, Launcher.Mode.TASK, Map.of())) {
            assertThat(app.bean(JdbcTemplate.class).queryForObject("SELECT count(*) FROM patient", Integer.class)).isOne();
            UUID id = app.bean(JdbcTemplate.class).queryForObject("SELECT id FROM patient", UUID.class);
            assertThat(app.bean(PatientRepository.class).socialSecurityNumber(id)).contains("123-45-6789");
        }
    }
}
