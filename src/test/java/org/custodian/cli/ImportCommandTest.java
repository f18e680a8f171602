package org.custodian.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.custodian.Custodian;
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
