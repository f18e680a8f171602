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

/** {@code custodian mpi link --in --out} as a user runs it: no database, a CSV in, linked pairs out. */
class MpiLinkCommandTest {
    @TempDir
    Path dir;

    @Test
    void linksTheSamePersonAcrossTypoNicknameAndSwappedDateButNotTwins() throws IOException {
        Path in = Files.writeString(dir.resolve("patients.csv"), """
                id,given,family,birth_date,sex,address,city,state,zip,phone,ssn
                1,William,Okonkwo,1971-03-08,M,14 North Main Street,Springfield,MA,01101,413-555-0101,214-45-6789
                2,Bill,Okonkow,1971-08-03,M,14 N Main St,Springfield,MA,01101,(413) 555-0101,6789
                3,Margaret,Lindqvist,1985-11-30,F,7 Elm Street,Boston,MA,02118,617-555-0199,301-22-4455
                4,Susan,Lindqvist,1985-11-30,F,7 Elm Street,Boston,MA,02118,617-555-0199,301-22-9911
                5,Pedro,Alvarez,1990-01-01,M,,,,,,
                """);
        Path out = dir.resolve("pairs.csv");

        Result result = run("mpi", "link", "--in", in.toString(), "--out", out.toString());

        assertThat(result.code()).as(result.err()).isZero();
        assertThat(result.out()).contains("5 records", "pairs compared");
        List<String> lines = Files.readAllLines(out);
        assertThat(lines.getFirst()).isEqualTo("id_a,id_b,decision,weight");
        assertThat(lines).anyMatch(l -> l.matches("1,2,(auto-link|review),[0-9.]+"));
        assertThat(lines).noneMatch(l -> l.startsWith("3,4,auto-link") || l.startsWith("3,4,review"));
        assertThat(lines).noneMatch(l -> l.contains(",5,") || l.startsWith("5,"));
    }

    @Test
    void aSharedRareGivenNameAndBirthDateWithPlainlyDifferentFamilyNamesIsNeverLinkedUnseen() throws IOException {
        Path in = Files.writeString(dir.resolve("patients.csv"), """
                id,given,family,birth_date,sex,address,city,state,zip,phone,ssn
                1,Thaddeus,Vanterpool,1966-05-14,M,88 Orchard Lane,Boston,MA,02118,617-555-0177,
                2,Thaddeus,Okonkwo,1966-05-14,M,3 Pine Road,Boston,MA,02118,617-555-0388,
                3,Rosalind,Quillfeather,1979-02-23,F,12 Beacon Street,Boston,MA,02118,617-555-0140,301-22-4455
                4,Rosalind,Okafor,1979-02-23,F,40 Tremont Street,Boston,MA,02118,617-555-0999,
                5,Imogen,Fairweather,1990-07-04,F,5 Elm Street,Boston,MA,02118,617-555-0111,402-33-1234
                6,Imogen,Blackwood,1990-07-04,F,9 Oak Street,Boston,MA,02118,617-555-0222,402-33-1234
                """);
        Path out = dir.resolve("pairs.csv");

        Result result = run("mpi", "link", "--in", in.toString(), "--out", out.toString());

        assertThat(result.code()).as(result.err()).isZero();
        List<String> lines = Files.readAllLines(out);
        assertThat(lines).as("strangers sharing a rare given name and birth date").noneMatch(l -> l.startsWith("1,2,auto-link"));
        assertThat(lines).as("a married name with nothing else agreeing goes to a person")
                .anyMatch(l -> l.startsWith("3,4,review,"));
        assertThat(lines).as("a married name with the same SSN").anyMatch(l -> l.startsWith("5,6,auto-link,"));
    }

    @Test
    void emptyOrAbsurdDemographicsAreNeverAutoLinkedEvenWhenBothRecordsAreIdentical() throws IOException {
        Path in = Files.writeString(dir.resolve("patients.csv"), """
                id,given,family,birth_date,sex,address,city,state,zip,phone,ssn
                f1,Cornelius,Ashdown,2999-03-01,M,14 Elm Street,Boston,MA,02118,617-555-0101,214-45-6789
                f2,Cornelius,Ashdown,2999-03-01,M,14 Elm Street,Boston,MA,02118,617-555-0101,214-45-6789
                i1,C,Ashbury,1971-03-08,M,22 Elm Street,Boston,MA,02118,617-555-0102,214-45-6790
                i2,C,Ashbury,1971-03-08,M,22 Elm Street,Boston,MA,02118,617-555-0102,214-45-6790
                z1,Marisol,Ashcombe,1980-06-12,F,30 Elm Street,Boston,MA,02118,617-555-0103,000-00-0000
                z2,Marisol,Ashcombe,1980-06-12,F,30 Elm Street,Boston,MA,02118,617-555-0103,000-00-0000
                e1,,,1985-09-17,F,41 Elm Street,Boston,MA,02118,617-555-0104,214-45-6791
                e2,,,1985-09-17,F,41 Elm Street,Boston,MA,02118,617-555-0104,214-45-6791
                """);
        Path out = dir.resolve("pairs.csv");

        Result result = run("mpi", "link", "--in", in.toString(), "--out", out.toString(), "--all-pairs");

        assertThat(result.code()).as(result.err()).isZero();
        List<String> lines = Files.readAllLines(out);
        assertThat(lines).as("every identical pair is compared").anyMatch(l -> l.startsWith("f1,f2,"))
                .anyMatch(l -> l.startsWith("i1,i2,")).anyMatch(l -> l.startsWith("z1,z2,"))
                .anyMatch(l -> l.startsWith("e1,e2,"));
        assertThat(lines).noneMatch(l -> l.contains(",auto-link,"));
    }

    @Test
    void aMissingInputFileIsAUsageErrorNamingIt() {
        Result result = run("mpi", "link", "--in", dir.resolve("nope.csv").toString(), "--out", dir.resolve("o.csv").toString());
        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).contains("nope.csv");
    }

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Custodian.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return new Result(cli.execute(args), out.toString(), err.toString());
    }

    private record Result(int code, String out, String err) {
    }
}
