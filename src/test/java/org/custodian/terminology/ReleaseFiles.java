package org.custodian.terminology;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The official files in ../shared/terminology (never committed) and hand-made files in the official layouts. */
final class ReleaseFiles {
    /** ../shared/terminology beside the project, or two levels up for a git worktree under wt/. */
    static final Path SHARED = java.util.stream.Stream.of(Path.of("..", "shared", "terminology"),
            Path.of("..", "..", "shared", "terminology")).filter(Files::isDirectory).findFirst()
            .orElse(Path.of("..", "shared", "terminology"));
    static final Path CM_2025 = SHARED.resolve("icd10cm/fy2025/icd10cm_order_2025.txt");
    static final Path CM_2026 = SHARED.resolve("icd10cm/fy2026/icd10cm_order_2026.txt");
    static final Path PCS_2026 = SHARED.resolve("icd10pcs/fy2026/icd10pcs_order_2026.txt");
    static final Path HCPCS_2025_10 = SHARED.resolve("hcpcs/2025-10/HCPC2025_OCT_ANWEB.csv");

    private ReleaseFiles() {
    }

    static Path official(Path file) {
        assumeTrue(Files.isRegularFile(file), "official release file " + file.toAbsolutePath().normalize()
                + " is absent (see SOURCES.md in ../shared/terminology); skipped");
        return file;
    }

    /** One order-file line: order number, code, flag, short description (60 wide), long description. */
    static String orderLine(int order, String code, boolean billable, String description) {
        String shortText = description.length() > 60 ? description.substring(0, 60) : description;
        return String.format("%05d %-7s %s %-60s %s", order, code, billable ? "1" : "0", shortText, description);
    }

    static Path write(Path folder, String name, String... lines) {
        return writeBytes(folder, name, (String.join("\r\n", lines) + "\r\n").getBytes(StandardCharsets.US_ASCII));
    }

    static Path writeBytes(Path folder, String name, byte[] bytes) {
        try {
            Path file = folder.resolve(name);
            Files.createDirectories(file.getParent());
            return Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String[] smallCm() {
        return new String[] {
            orderLine(1, "A00", false, "Cholera"),
            orderLine(2, "A000", true, "Cholera due to Vibrio cholerae 01, biovar cholerae"),
            orderLine(3, "A001", true, "Cholera due to Vibrio cholerae 01, biovar eltor"),
            orderLine(4, "A009", true, "Cholera, unspecified"),
        };
    }
}
