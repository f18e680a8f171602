package org.custodian.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.custodian.Custodian;
import org.custodian.privacy.AuditAction;
import org.custodian.privacy.AuditEntry;
import org.custodian.privacy.AuditOutcome;
import org.custodian.privacy.AuditTrail;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import picocli.CommandLine;

/** Runs {@code custodian audit verify --data DIR} as a user would, on an embedded database in DIR. */
class AuditVerifyCommandTest {
    @TempDir
    Path data;

    @Test
    void verifyPassesOnAnIntactChainAndFailsNamingTheTamperedEvent() {
        try (Launcher.Running app = Launcher.start(data, Launcher.Mode.TASK, Map.of())) {
            AuditTrail audit = app.bean(AuditTrail.class);
            for (int i = 0; i < 3; i++) {
                audit.record(new AuditEntry("hit", "CODER", AuditAction.READ, AuditOutcome.SUCCESS, UUID.randomUUID(),
                        "Patient", null, null, "127.0.0.1"));
            }
        }
        Result intact = run("audit", "verify", "--data", data.toString());
        assertThat(intact.code()).isZero();
        assertThat(intact.out()).contains("audit chain intact: 3 events");

        try (Launcher.Running app = Launcher.start(data, Launcher.Mode.TASK, Map.of())) {
            JdbcTemplate jdbc = app.bean(JdbcTemplate.class);
            jdbc.execute("BEGIN; SET LOCAL session_replication_role = replica;"
                    + " UPDATE audit_event SET username = 'mallory' WHERE seq = 2; COMMIT;");
        }
        Result broken = run("audit", "verify", "--data", data.toString());
        assertThat(broken.code()).isEqualTo(1);
        assertThat(broken.err()).contains("audit chain broken at event 2").contains("row was changed");
    }

    @Test
    void aCommandOnADataFolderServedByAnotherProcessUsesThatRunningDatabase() {
        try (Launcher.Running server = Launcher.start(data, Launcher.Mode.TASK, Map.of())) {
            Result result = run("audit", "verify", "--data", data.toString());
            assertThat(result.code()).isZero();
            assertThat(server.database().description()).contains("embedded PostgreSQL");
        }
    }

    @Test
    void theIdentifierKeyLivesInTheGivenDataFolder() {
        try (Launcher.Running app = Launcher.start(data, Launcher.Mode.TASK, Map.of())) {
            assertThat(data.resolve("keys/identifier.key")).isRegularFile();
        }
    }

    @Test
    void theEmbeddedDatabaseIsDurable() {
        try (Launcher.Running app = Launcher.start(data, Launcher.Mode.TASK, Map.of())) {
            JdbcTemplate jdbc = app.bean(JdbcTemplate.class);
            assertThat(jdbc.queryForObject("SHOW fsync", String.class)).isEqualTo("on");
            assertThat(jdbc.queryForObject("SHOW synchronous_commit", String.class)).isEqualTo("on");
        }
    }

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Custodian.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    private record Result(int code, String out, String err) {
    }
}
