package org.custodian.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.custodian.Custodian;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Runs {@code custodian coding suggest} as a user would, on a hand-made release of a few codes. */
class CodingCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path data;

    @TempDir
    Path files;

    @Test
    void suggestsOneJsonLinePerCodeWithEvidenceAndHonoursTheCareSetting() throws IOException {
        Path release = write("icd10cm_order_2026.txt", String.join("\r\n",
                line(1, "I10", true, "Essential (primary) hypertension"),
                line(2, "J189", true, "Pneumonia, unspecified organism"),
                line(3, "R059", true, "Cough, unspecified"),
                line(4, "R079", true, "Chest pain, unspecified")) + "\r\n");
        assertThat(run("terminology", "load", release.toString(), "--data", data.toString()).code()).isZero();
        Path notes = files.resolve("notes");
        Files.createDirectories(notes);
        Files.writeString(notes.resolve("a.txt"), "Denies chest pain. Hypertension.\nProbable pneumonia with cough.\n");

        Result outpatient = run("coding", "suggest", "--in", notes.toString(), "--data", data.toString());
        assertThat(outpatient.code()).as(outpatient.err()).isZero();
        List<JsonNode> lines = outpatient.out().lines().map(CodingCommandTest::json).toList();
        assertThat(lines).extracting(l -> l.get("code").asText()).containsExactly("I10", "R05.9");
        JsonNode first = lines.getFirst();
        assertThat(first.get("file").asText()).endsWith("a.txt");
        assertThat(first.get("description").asText()).isEqualTo("Essential (primary) hypertension");
        assertThat(first.get("confidence").asDouble()).isBetween(0.5, 1.0);
        assertThat(first.get("evidence").get("text").asText()).isEqualTo("Hypertension");
        assertThat(first.get("evidence").get("start").asInt()).isEqualTo(19);
        assertThat(first.get("evidence").get("end").asInt()).isEqualTo(31);

        Result inpatient = run("coding", "suggest", "--in", notes.resolve("a.txt").toString(), "--setting", "INPATIENT",
                "--date", "2026-03-01", "--data", data.toString());
        assertThat(inpatient.out().lines().map(l -> json(l).get("code").asText()).toList()).contains("J18.9", "I10");

        Result tooEarly = run("coding", "suggest", "--in", notes.toString(), "--date", "2020-01-01", "--data", data.toString());
        assertThat(tooEarly.code()).isEqualTo(1);
        assertThat(tooEarly.err()).contains("no ICD-10-CM release loaded is in force on 2020-01-01");
    }

    @Test
    void badInputGetsAClearErrorNamingWhatAndWhere() throws IOException {
        Result missing = run("coding", "suggest", "--in", files.resolve("nope.txt").toString(), "--data", data.toString());
        assertThat(missing.code()).isEqualTo(1);
        assertThat(missing.err()).contains("no such file or folder").contains("nope.txt");

        Path binary = files.resolve("scan.pdf");
        Files.write(binary, new byte[] {'%', 'P', 'D', 'F', 0, 1, 2});
        Result notText = run("coding", "suggest", "--in", binary.toString(), "--data", data.toString());
        assertThat(notText.code()).isEqualTo(1);
        assertThat(notText.err()).contains("scan.pdf is not a text note");

        Path note = write("note.txt", "Hypertension.");
        Result badDate = run("coding", "suggest", "--in", note.toString(), "--date", "2026-13-01", "--data", data.toString());
        assertThat(badDate.code()).isEqualTo(2);
        assertThat(badDate.err()).contains("--date").contains("2026-13-01");
        Result badSetting = run("coding", "suggest", "--in", note.toString(), "--setting", "er", "--data", data.toString());
        assertThat(badSetting.code()).isEqualTo(2);
        assertThat(badSetting.err()).contains("unknown --setting 'er'");

        Result noTerminology = run("coding", "suggest", "--in", note.toString(), "--data", data.toString());
        assertThat(noTerminology.code()).isEqualTo(1);
        assertThat(noTerminology.err()).contains("no ICD-10-CM release is loaded");
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(files.resolve(name), text);
    }

    private static String line(int order, String code, boolean billable, String description) {
        return String.format("%05d %-7s %s %-60s %s", order, code, billable ? "1" : "0", description, description);
    }

    private static JsonNode json(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new AssertionError(line, e);
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
