package org.custodian.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.custodian.Custodian;
import org.custodian.platform.Database;
import org.custodian.platform.Databases;
import org.custodian.platform.EmbeddedDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Runs {@code custodian import DIR --data DATA} as a user would: good bundles load, a bad one is named and skipped. */
class ImportCommandTest {
    static final String NPI = "http://hl7.org/fhir/sid/us-npi";

    @TempDir
    Path data;
    @TempDir
    Path bundles;

    @Test
    void loadsTheGoodBundlesListsTheRejectedOneAndExitsWith2() throws IOException {
        Files.writeString(bundles.resolve("practitionerInformation1.json"), bundle("""
                {"resourceType": "Practitioner", "id": "pr-1",
                 "identifier": [{"system": "%s", "value": "9999957191"}],
                 "name": [{"family": "Schneider", "given": ["Hank"]}]}""".formatted(NPI)));
        Files.writeString(bundles.resolve("Maya_Okafor.json"), bundle("""
                {"resourceType": "Patient", "id": "p-1", "gender": "female", "birthDate": "1941-03-05",
                 "name": [{"use": "official", "family": "Okafor", "given": ["Maya"]}]}"""));
        Files.writeString(bundles.resolve("Ivo_Brandt.json"), bundle("""
                {"resourceType": "Patient", "id": "p-2", "gender": "male", "birthDate": "March 5th",
                 "name": [{"use": "official", "family": "Brandt", "given": ["Ivo"]}]}"""));

        Result result = run("import", bundles.toString(), "--data", data.toString());

        assertThat(result.code()).as(result.err()).isEqualTo(ImportCommand.SOME_REJECTED);
        assertThat(result.out()).contains("Loaded 1 patient bundles").contains("1 of 3 bundles rejected")
                .contains("rejected Ivo_Brandt.json: Bundle.entry[0].resource.birthDate");
        assertThat(result.err()).contains("importing");

        Result again = run("import", bundles.resolve("Maya_Okafor.json").toString(), "--data", data.toString());
        assertThat(again.code()).isZero();
        assertThat(again.out()).contains("Loaded 0 patient bundles").contains("1 already there");
    }

    /**
     * The import started the record-change listeners (data quality and the others); when the command
     * has exited, every publication it caused is complete, read straight from the database (no
     * application started, so nothing could finish them afterwards).
     */
    @Test
    void exitsOnlyWhenTheChecksItStartedHaveFinished() throws IOException, SQLException {
        Files.writeString(bundles.resolve("Maya_Okafor.json"), bundle("""
                {"resourceType": "Patient", "id": "p-1", "gender": "female", "birthDate": "1941-03-05",
                 "name": [{"use": "official", "family": "Okafor", "given": ["Maya"]}]}"""));

        Result result = run("import", bundles.toString(), "--data", data.toString());

        assertThat(result.code()).as(result.err()).isZero();
        assertThat(result.err()).containsPattern("waiting for checks: \\d+ left").contains("waiting for checks: done");
        assertThat(publications("completion_date IS NOT NULL")).as("publications the import caused").isPositive();
        assertThat(publications("completion_date IS NULL")).as("publications still open after exit").isZero();
    }

    private long publications(String condition) throws SQLException {
        try (Database database = Databases.open(data)) {
            if (database instanceof EmbeddedDatabase embedded) {
                embedded.awaitReady();
            }
            try (Connection c = DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
                 Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT count(*) FROM event_publication WHERE " + condition)) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static String bundle(String resource) {
        return "{\"resourceType\": \"Bundle\", \"type\": \"transaction\", \"entry\": [{\"resource\": " + resource + "}]}";
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
