package org.custodian.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import org.custodian.mpi.SyntheaPeople;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** Where the MPI's evaluation people come from: the built-in name lists, or a Synthea output directory. */
final class MpiSyntheaOptions {
    @Option(names = "--synthea", paramLabel = "DIR",
            description = "Draw the people from the Patient resources of this Synthea output directory "
                    + "(DIR/fhir/*.json bundles or Patient*.ndjson) instead of the built-in name lists.")
    Path directory;

    @Option(names = "--synthea-patients", paramLabel = "N",
            description = "With --synthea: first generate N Synthea people (seeded with --seed, no medical "
                    + "histories) into DIR, which must be empty or absent.")
    Integer generate;

    /** The Synthea people asked for, generated first if asked; empty for the built-in lists. */
    Optional<SyntheaPeople> people(long seed, CommandSpec spec) {
        PrintWriter err = spec.commandLine().getErr();
        if (directory == null) {
            if (generate != null) {
                throw new ParameterException(spec.commandLine(), "--synthea-patients needs --synthea DIR to write to");
            }
            return Optional.empty();
        }
        try {
            if (generate != null) {
                if (generate < 1) {
                    throw new ParameterException(spec.commandLine(), "--synthea-patients must be at least 1");
                }
                if (Files.isDirectory(directory) && !isEmpty(directory)) {
                    throw new ParameterException(spec.commandLine(),
                            "--synthea " + directory + ": not empty; give an empty or new folder to generate into");
                }
                Files.createDirectories(directory);
                SyntheaRunner.locate(System.getenv()).generatePeopleShowingProgress(generate, seed, directory, err);
            } else if (!Files.isDirectory(directory)) {
                throw new ParameterException(spec.commandLine(), "--synthea " + directory + ": no such folder");
            }
            SyntheaPeople people = SyntheaPeople.read(directory, warning -> err.println("warning: " + warning));
            err.printf("%,d Synthea patients read from %s%n", people.patients().size(), directory);
            return Optional.of(people);
        } catch (IOException e) {
            throw new ParameterException(spec.commandLine(), "--synthea " + directory + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while Synthea ran", e);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--synthea " + directory + ": " + e.getMessage(), e);
        }
    }

    private static boolean isEmpty(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.findAny().isEmpty();
        }
    }
}
