package org.custodian.scanning;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.custodian.Custodian;
import picocli.CommandLine;

/**
 * Batch intake speed: writes a folder of scans (PDFs of 1-10 pages, multi-page TIFF faxes, JPEG
 * photos; one in fifty a fake), then times {@code custodian scan import} on it into a fresh data folder.
 * <pre>java -cp target/classes:target/test-classes:$(cat cp.txt) org.custodian.scanning.ScanImportBenchmark 500 /tmp/scanbench</pre>
 */
public final class ScanImportBenchmark {
    private ScanImportBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        int files = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        Path work = Path.of(args.length > 1 ? args[1] : "target/scan-bench");
        Path batch = Files.createDirectories(work.resolve("batch"));
        Random random = new Random(42);
        long bytes = 0;
        for (int i = 0; i < files; i++) {
            byte[] content = i % 50 == 49 ? ("not a scan " + i).getBytes()
                    : switch (i % 3) {
                        case 0 -> ScanSamples.pdf(1 + random.nextInt(10), "benchmark scan " + i);
                        case 1 -> ScanSamples.tiff(1 + random.nextInt(4));
                        default -> ScanSamples.jpeg(1700 + random.nextInt(800), 2200);
                    };
            String name = String.format("scan-%05d.%s", i, i % 50 == 49 ? "pdf" : switch (i % 3) {
                case 0 -> "pdf";
                case 1 -> "tif";
                default -> "jpg";
            });
            Files.write(batch.resolve(name), content);
            bytes += content.length;
        }
        System.out.printf("%,d files, %,.1f MB written to %s%n", files, bytes / 1e6, batch);
        StringWriter out = new StringWriter();
        CommandLine cli = Custodian.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(System.err, true));
        long started = System.nanoTime();
        int code = cli.execute("scan", "import", batch.toString(), "--data", work.resolve("data").toString());
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("exit %d; %s; %.1f s including start-up (%,.1f files/s)%n", code, out.toString().strip(),
                seconds, files / seconds);
    }
}
