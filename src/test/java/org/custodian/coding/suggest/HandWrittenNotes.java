package org.custodian.coding.suggest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.custodian.coding.CareSetting;

/** The hand-written notes of src/test/resources/coding/notes and the codes a coder would assign them. */
record HandWrittenNotes(String file, CareSetting setting, Set<String> expected, String checks, String text) {
    static final Path FOLDER = Path.of("src", "test", "resources", "coding", "notes");

    @Override
    public String toString() {
        return file + " (" + checks + ")";
    }

    static List<HandWrittenNotes> all() {
        try {
            List<HandWrittenNotes> notes = new ArrayList<>();
            for (String line : Files.readAllLines(FOLDER.resolve("expected.tsv"), StandardCharsets.UTF_8)) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t");
                Set<String> codes = f[2].equals("-") ? Set.of() : new TreeSet<>(Arrays.asList(f[2].split(",")));
                notes.add(new HandWrittenNotes(f[0], CareSetting.valueOf(f[1].toUpperCase()), codes, f[3],
                        Files.readString(FOLDER.resolve(f[0]), StandardCharsets.UTF_8)));
            }
            return notes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
