package org.custodian.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabasesTest {
    @TempDir
    Path data;

    @Test
    void anExternalUrlWinsOverTheDataFolder() {
        Database db = Databases.open(data, Map.of("CUSTODIAN_DB_URL", "jdbc:postgresql://db.example:5432/him?ssl=true",
                "CUSTODIAN_DB_USER", "him", "CUSTODIAN_DB_PASSWORD", "secret"));
        assertThat(db).isInstanceOf(ExternalDatabase.class);
        assertThat(db.user()).isEqualTo("him");
        assertThat(db.description()).isEqualTo("external PostgreSQL jdbc:postgresql://db.example:5432/him")
                .doesNotContain("secret");
    }

    @Test
    void aUrlThatIsNotPostgresIsRejectedNamingTheVariable() {
        assertThatThrownBy(() -> Databases.open(data, Map.of("CUSTODIAN_DB_URL", "jdbc:h2:mem:x")))
                .hasMessageContaining("CUSTODIAN_DB_URL must be a jdbc:postgresql: URL");
    }

    @Test
    void aLockFileOfALiveServerMeansReuseItsPort() throws Exception {
        Path pgData = Files.createDirectories(data.resolve("pgdata"));
        long self = ProcessHandle.current().pid();
        Files.writeString(pgData.resolve("postmaster.pid"), self + "\n" + pgData + "\n1700000000\n54321\n/tmp\n");
        assertThat(Databases.running(pgData)).hasValueSatisfying(db -> {
            assertThat(db.port()).isEqualTo(54321);
            assertThat(db.jdbcUrl()).startsWith("jdbc:postgresql://localhost:54321/custodian");
        });
    }

    @Test
    void aStaleOrGarbledLockFileIsIgnored() throws Exception {
        Path pgData = Files.createDirectories(data.resolve("pgdata"));
        Files.writeString(pgData.resolve("postmaster.pid"), "999999999\n" + pgData + "\n1\n5432\n");
        assertThat(Databases.running(pgData)).isEmpty();
        Files.writeString(pgData.resolve("postmaster.pid"), "garbage");
        assertThat(Databases.running(pgData)).isEmpty();
    }
}
