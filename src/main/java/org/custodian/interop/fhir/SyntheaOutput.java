package org.custodian.interop.fhir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The FHIR files of one Synthea run, in load order: the organization (hospital) and practitioner
 * bundles first, because patient bundles refer to them, then one bundle per patient.
 */
public record SyntheaOutput(List<Path> organizations, List<Path> practitioners, List<Path> patients) {
    public SyntheaOutput {
        organizations = List.copyOf(organizations);
        practitioners = List.copyOf(practitioners);
        patients = List.copyOf(patients);
    }

    /** Reads a Synthea {@code fhir} output folder. */
    public static SyntheaOutput in(Path fhirDirectory) {
        List<Path> organizations = new ArrayList<>();
        List<Path> practitioners = new ArrayList<>();
        List<Path> patients = new ArrayList<>();
        try (Stream<Path> files = Files.list(fhirDirectory)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().toList()) {
                String name = file.getFileName().toString();
                if (name.startsWith("hospitalInformation")) {
                    organizations.add(file);
                } else if (name.startsWith("practitionerInformation")) {
                    practitioners.add(file);
                } else {
                    patients.add(file);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list Synthea output in " + fhirDirectory + ": " + e.getMessage(), e);
        }
        return new SyntheaOutput(organizations, practitioners, patients);
    }

    public long patientBytes() {
        long total = 0;
        for (Path file : patients) {
            try {
                total += Files.size(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return total;
    }
}
