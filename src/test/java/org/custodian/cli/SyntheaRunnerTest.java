package org.custodian.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyntheaRunnerTest {
    @Test
    void findsTheFolderOfCustodianJarFromWhereverItsClassesWereLoaded() {
        assertThat(SyntheaRunner.applicationDirectory("file:/opt/custodian/custodian.jar"))
                .isEqualTo(Path.of("/opt/custodian"));
        assertThat(SyntheaRunner.applicationDirectory("jar:nested:/opt/custodian/custodian.jar/!BOOT-INF/classes/!/"))
                .isEqualTo(Path.of("/opt/custodian"));
        assertThat(SyntheaRunner.applicationDirectory("file:/work/main/target/classes/"))
                .isEqualTo(Path.of("/work/main/target"));
    }

    @Test
    void withoutSyntheaItSaysHowToGetIt(@TempDir Path empty) {
        assertThatThrownBy(() -> SyntheaRunner.locate(Map.of(SyntheaRunner.LIB_VARIABLE, empty.toString())))
                .hasMessage("Synthea is not installed: no synthea-*.jar in " + empty
                        + "; build it with `mvn -B -DskipTests package` or set CUSTODIAN_SYNTHEA_LIB");
    }

    @Test
    void runsSyntheaSeededAtAFixedDateWithoutTheResourcesTheRecordDoesNotHold() {
        SyntheaRunner runner = new SyntheaRunner(Path.of("/opt/custodian/synthea-lib"), "/usr/bin/java");
        assertThat(runner.command(5, 42, Path.of("/tmp/out"))).containsSubsequence(
                "/usr/bin/java", "-cp", "/opt/custodian/synthea-lib/*", "App", "-p", "5", "-s", "42", "-cs", "42",
                "-r", "20250101", "--exporter.baseDirectory=/tmp/out")
                .anyMatch(arg -> arg.startsWith("--exporter.fhir.excluded_resources=ExplanationOfBenefit,"))
                .noneMatch(arg -> arg.contains("Claim"));
    }

    @Test
    void peopleForTheMpiAreGeneratedSeededWithoutMedicalHistoriesOrHospitalFiles() {
        SyntheaRunner runner = new SyntheaRunner(Path.of("/opt/custodian/synthea-lib"), "/usr/bin/java");
        assertThat(runner.peopleCommand(1000, 42, Path.of("/tmp/people"))).containsSubsequence(
                "/usr/bin/java", "-cp", "/opt/custodian/synthea-lib/*", "App", "-p", "1000", "-s", "42", "-cs", "42",
                "-r", "20250101", "-m", "dermatitis", "--exporter.baseDirectory=/tmp/people")
                .contains("--exporter.hospital.fhir.export=false", "--exporter.practitioner.fhir.export=false",
                        "--generate.append_numbers_to_person_names=false")
                .anyMatch(arg -> arg.startsWith("--exporter.fhir.excluded_resources=") && arg.contains(",Encounter,"));
    }
}
