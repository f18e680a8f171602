package org.custodian.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.custodian.Custodian;
import org.custodian.privacy.UserAdministration;
import org.custodian.record.FacilityRepository;
import org.custodian.record.FacilityType;
import org.custodian.record.RecordFixtures;
import org.custodian.record.RecordWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;
import picocli.CommandLine;

/** {@code custodian users add}: the first administrator of a fresh installation, from the console. */
class UsersAddCommandTest {
    @TempDir
    Path data;

    @Test
    void anOperatorCreatesAnAccountWithATemporaryPasswordAndABadFacilityIsNamed() {
        try (Launcher.Running app = Launcher.start(data, Launcher.Mode.TASK, Map.of())) {
            new RecordFixtures(app.bean(FacilityRepository.class), app.bean(RecordWriter.class),
                    app.bean(TransactionTemplate.class)).facility("USERS-H", FacilityType.HOSPITAL);
        }

        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Custodian.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute("users", "add", "--data", data.toString(), "--username", "first.admin",
                "--name", "First Administrator", "--role", "ADMIN,HIM_DIRECTOR", "--facility", "users-h");

        assertThat(code).as(err.toString()).isZero();
        Matcher temporary = Pattern.compile("temporary password: (\\S+)").matcher(out.toString());
        assertThat(temporary.find()).as(out.toString()).isTrue();

        int refused = cli.execute("users", "add", "--data", data.toString(), "--username", "second.admin",
                "--name", "Second", "--role", "ADMIN", "--facility", "NOWHERE");
        assertThat(refused).isEqualTo(1);
        assertThat(err.toString()).contains("no facility with code NOWHERE");

        try (Launcher.Running app = Launcher.start(data, Launcher.Mode.TASK, Map.of())) {
            JdbcTemplate jdbc = app.bean(JdbcTemplate.class);
            String hash = jdbc.queryForObject("SELECT password_hash FROM app_user WHERE username = 'first.admin'", String.class);
            assertThat(app.bean(PasswordEncoder.class).matches(temporary.group(1), hash)).isTrue();
            assertThat(app.bean(UserAdministration.class).mustChangePassword("first.admin")).isTrue();
            assertThat(jdbc.queryForObject("SELECT count(*) FROM app_user WHERE username = 'second.admin'", Integer.class))
                    .isZero();
            assertThat(jdbc.queryForObject("""
                    SELECT detail FROM audit_event WHERE action = 'PRIVILEGE_CHANGE' AND resource_id = 'first.admin'""",
                    String.class)).contains("created with roles ADMIN,HIM_DIRECTOR at 1 facilities");
        }
    }
}
