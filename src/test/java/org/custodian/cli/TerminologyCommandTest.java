package org.custodian.cli;

import static org.assertj.core.api.Assertions.assertThat;

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

/** Runs {@code custodian terminology load|search|validate --data DIR} as a user would, on hand-made release files. */
class TerminologyCommandTest {
    @TempDir
    Path data;

    @TempDir
    Path files;

    @Test
    void loadSearchAndValidateAcrossAFiscalYearBoundary() throws IOException {
        Path fy2025 = write("fy2025/icd10cm_order_2025.txt",
                line(1, "B88", false, "Other infestation"),
                line(2, "B880", true, "Other acariasis"));
        Path fy2026 = write("fy2026/icd10cm_order_2026.txt",
                line(1, "B88", false, "Other infestation"),
                line(2, "B880", false, "Other acariasis"),
                line(3, "B8801", true, "Infestation by Demodex mites"),
                line(4, "B8809", true, "Other acariasis"));

        Result first = run("terminology", "load", fy2025.toString(), "--data", data.toString());
        assertThat(first.code()).as(first.err()).isZero();
        assertThat(first.out()).contains("loaded ICD-10-CM FY2025 (2024-10-01 to 2025-09-30) from icd10cm_order_2025.txt:"
                + " 2 codes (1 billable)").contains("first release of ICD-10-CM");
        Result folder = run("terminology", "load", files.toString(), "--data", data.toString());
        assertThat(folder.code()).as(folder.err()).isZero();
        assertThat(folder.out()).contains("already loaded, nothing changed: ICD-10-CM FY2025")
                .contains("against FY2025: 2 added, 0 deleted, 1 revised").contains("added: B88.01, B88.09");
        assertThat(folder.err()).contains("icd10cm_order_2026.txt");

        Result search = run("terminology", "search", "demodex  MITES", "--data", data.toString());
        assertThat(search.code()).isZero();
        assertThat(search.out().strip()).isEqualTo("{\"code\":\"B88.01\",\"system\":\"icd10cm\",\"description\":"
                + "\"Infestation by Demodex mites\",\"billable\":true,\"release\":\"FY2026\",\"match\":\"all_words\",\"score\":0.7}");
        assertThat(run("terminology", "search", "demodex", "--date", "2025-09-30", "--data", data.toString()).out()).isEmpty();

        Result before = run("terminology", "validate", "b88.01", "B880", "--date", "2025-09-30", "--data", data.toString());
        assertThat(before.code()).isEqualTo(3);
        assertThat(before.out().lines().toList()).satisfiesExactly(
                l -> assertThat(l).startsWith("{\"input\":\"b88.01\",\"code\":\"B88.01\",\"system\":\"icd10cm\","
                        + "\"result\":\"not_valid_on_date\",\"release\":\"FY2025\",\"valid\":false,\"message\":"),
                l -> assertThat(l).contains("\"result\":\"valid\"", "\"valid\":true"));
        Result after = run("terminology", "validate", "B88.01", "--date", "2025-10-01", "--data", data.toString());
        assertThat(after.code()).isZero();
        assertThat(after.out()).contains("\"result\":\"valid\"");
    }

    @Test
    void validateRunsTheEncounterEditsAndAddsThemToEachCodesLine() throws IOException {
        Path order = write("fy2030/icd10cm_order_2030.txt",
                line(1, "E10", false, "Type 1 diabetes mellitus"),
                line(2, "E109", true, "Type 1 diabetes mellitus without complications"),
                line(3, "E11", false, "Type 2 diabetes mellitus"),
                line(4, "E119", true, "Type 2 diabetes mellitus without complications"),
                line(5, "S72001", false, "Fracture of unspecified part of neck of right femur"),
                line(6, "S72001A", true, "Fracture of unsp part of neck of right femur, init"));
        Path tabular = files.resolve("fy2030/icd10cm_tabular_2030.xml");
        Files.writeString(tabular, """
                <?xml version="1.0" encoding="utf-8"?>
                <ICD10CM.tabular><version>2030</version>
                <chapter><name>4</name><desc>Endocrine diseases (E00-E89)</desc>
                <diag><name>E10</name><desc>Type 1 diabetes mellitus</desc>
                <excludes1><note>type 2 diabetes mellitus (E11.-)</note></excludes1></diag></chapter>
                <chapter><name>19</name><desc>Injury (S00-T88)</desc>
                <diag><name>S72</name><desc>Fracture of femur</desc>
                <sevenChrDef><extension char="A">initial encounter for closed fracture</extension></sevenChrDef></diag></chapter>
                </ICD10CM.tabular>
                """);
        Result load = run("terminology", "load", files.resolve("fy2030").toString(), "--data", data.toString());
        assertThat(load.code()).as(load.err()).isZero();
        assertThat(load.out()).contains("loaded ICD-10-CM tabular list FY2030 (2029-10-01 to 2030-09-30) from"
                + " icd10cm_tabular_2030.xml: 2 entries");
        assertThat(order).exists();

        Result result = run("terminology", "validate", "E11.9:Y", " e10.9 ", "S72.001", "--principal", "--date", "2030-05-01",
                "--data", data.toString());
        assertThat(result.code()).as(result.err()).isEqualTo(3);
        List<String> lines = result.out().lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).startsWith("{\"input\":\"E11.9\",\"code\":\"E11.9\",\"system\":\"icd10cm\",\"result\":\"valid\"")
                .contains("\"role\":\"principal\",\"poa\":\"Y\",\"edits\":[{\"edit\":\"excludes1_pair\",\"severity\":\"error\","
                        + "\"codes\":[\"E10.9\",\"E11.9\"],\"message\":\"E10.9 and E11.9 cannot be coded together: Excludes1 at E10");
        assertThat(lines.get(1)).contains("\"role\":\"secondary\"", "\"edit\":\"excludes1_pair\"");
        assertThat(lines.get(2)).contains("\"result\":\"header\"", "\"edit\":\"seventh_character_missing\"",
                "e.g. S72.001A");
        Result clean = run("terminology", "validate", "E11.9", "--date", "2030-05-01", "--age", "40", "--sex", "F",
                "--data", data.toString());
        assertThat(clean.code()).as(clean.out()).isZero();
        assertThat(clean.out()).contains("\"edits\":[{\"edit\":\"edits_not_run\",\"severity\":\"info\"");
        Result badSex = run("terminology", "validate", "E11.9", "--sex", "X", "--data", data.toString());
        assertThat(badSex.code()).isEqualTo(2);
        assertThat(badSex.err()).contains("sex 'X' is not F, M or U");
    }

    @Test
    void aBadFileFailsWithOneLineNamingFileAndLine() throws IOException {
        Path bad = write("icd10cm_order_2026.txt", line(1, "A00", false, "Cholera"), line(2, "A0?0", true, "Cholera due"));
        Result result = run("terminology", "load", bad.toString(), "--data", data.toString());
        assertThat(result.code()).isEqualTo(1);
        assertThat(result.err().strip()).isEqualTo(
                "custodian terminology load: icd10cm_order_2026.txt line 2: code 'A0?0' is not a valid ICD-10-CM code");
        Result unknownSystem = run("terminology", "search", "cholera", "--system", "snomed", "--data", data.toString());
        assertThat(unknownSystem.code()).isEqualTo(2);
        assertThat(unknownSystem.err()).contains("unknown --system 'snomed'");
    }

    private Path write(String name, String... lines) throws IOException {
        Path file = files.resolve(name);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, String.join("\r\n", lines) + "\r\n");
    }

    private static String line(int order, String code, boolean billable, String description) {
        return String.format("%05d %-7s %s %-60s %s", order, code, billable ? "1" : "0", description, description);
    }

    @Test
    void anUnknownSystemIsAUsageErrorNamingTheChoices() {
        Result result = run("terminology", "search", "fever", "--system", "icd9", "--data", data.toString());
        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).contains("unknown --system 'icd9'").contains("icd10cm");
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
