package org.custodian.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sandbox keeps Synthea's own SNOMED CT to ICD-10-CM condition map, from the Synthea jar the build installs. */
class TrainingSandboxCommandTest {
    @TempDir
    Path data;

    @Test
    void theConditionMapIsCopiedFromTheSyntheaJar() throws Exception {
        Path lib = Path.of("target", "synthea-lib");
        Assumptions.assumeTrue(Files.isDirectory(lib), "Synthea is not built in target/synthea-lib");
        SyntheaRunner synthea = SyntheaRunner.locate(Map.of(SyntheaRunner.LIB_VARIABLE, lib.toString()));
        Path copy = data.resolve("files/training/condition_code_map.json");

        TrainingSandboxCommand.copyConditionMap(synthea.syntheaJar(), copy);

        // 10509002 is SNOMED CT "Acute bronchitis"; Synthea maps it to J20.9
        assertThat(Files.readString(copy)).contains("\"10509002\"", "J20.9");
    }
}
