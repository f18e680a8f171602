package org.custodian.interop.hl7v2;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A load and crash-check client for the MLLP listener, JDK only, run as a single source file:
 * <pre>
 * java MllpLoad.java load HOST PORT MESSAGES CONNECTIONS RUN-ID [ACKED-FILE]
 * java MllpLoad.java verify HOST PORT RUN-ID ACKED-FILE
 * </pre>
 * {@code load} sends ADT^A01 and ORU^R01 in turn (facility RGH) on each connection, one message
 * in flight per connection, and prints msgs/s and ACK latency percentiles; with ACKED-FILE it
 * appends every control id that got an AA as soon as it arrives. {@code verify} resends exactly
 * those messages: each must come back as an AA recognised as a duplicate, i.e. stored once.
 */
public final class MllpLoad {
    public static void main(String[] args) throws Exception {
        String host = args[1];
        int port = Integer.parseInt(args[2]);
        if (args[0].equals("verify")) {
            verify(host, port, args[3], Path.of(args[4]));
            return;
        }
        int messages = Integer.parseInt(args[3]);
        int connections = Integer.parseInt(args[4]);
        String run = args[5];
        PrintWriter acked = args.length > 6 ? new PrintWriter(Files.newBufferedWriter(Path.of(args[6])), true) : null;
        long[] latencies = new long[messages];
        AtomicLong next = new AtomicLong();
        AtomicLong failures = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        long started = System.nanoTime();
        for (int c = 0; c < connections; c++) {
            threads.add(Thread.ofPlatform().start(() -> {
                try (Socket socket = new Socket(host, port)) {
                    socket.setTcpNoDelay(true);
                    OutputStream out = new BufferedOutputStream(socket.getOutputStream());
                    InputStream in = new BufferedInputStream(socket.getInputStream());
                    long i;
                    while ((i = next.getAndIncrement()) < messages) {
                        String id = run + "-" + i;
                        long t0 = System.nanoTime();
                        String ack = exchange(out, in, message(run, i));
                        latencies[(int) i] = System.nanoTime() - t0;
                        if (ack.contains("MSA|AA|" + id)) {
                            if (acked != null) {
                                synchronized (acked) {
                                    acked.println(i);
                                }
                            }
                        } else if (failures.incrementAndGet() <= 3) {
                            System.err.println("not AA: " + ack.replace('\r', '\n'));
                        }
                    }
                } catch (IOException e) {
                    System.err.println("connection ended: " + e.getMessage());
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        long sent = Math.min(next.get(), messages);
        long[] done = Arrays.stream(latencies, 0, (int) sent).filter(l -> l > 0).sorted().toArray();
        System.out.printf("%d messages over %d connections in %.2f s: %.0f msgs/s; ACK latency p50 %.1f ms,"
                        + " p99 %.1f ms, max %.1f ms; not AA: %d%n", done.length, connections, seconds,
                done.length / seconds, pct(done, 50), pct(done, 99), pct(done, 100), failures.get());
    }

    private static void verify(String host, int port, String run, Path ackedFile) throws IOException {
        List<String> acked = Files.readAllLines(ackedFile);
        int duplicates = 0;
        int other = 0;
        try (Socket socket = new Socket(host, port)) {
            OutputStream out = new BufferedOutputStream(socket.getOutputStream());
            InputStream in = new BufferedInputStream(socket.getInputStream());
            for (String line : acked) {
                String ack = exchange(out, in, message(run, Long.parseLong(line.trim())));
                if (ack.contains("MSA|AA|") && ack.contains("duplicate control id")) {
                    duplicates++;
                } else if (other++ < 3) {
                    System.err.println("AA'd before the crash but not found stored: " + ack.replace('\r', '\n'));
                }
            }
        }
        System.out.printf("%d messages had an AA before the crash: %d recognised as already stored, %d not%n",
                acked.size(), duplicates, other);
    }

    /** Even numbers admit a new patient, odd ones send that patient's lab results. */
    static String message(String run, long i) {
        long patient = i / 2;
        String mrn = run + "P" + patient;
        String head = "MSH|^~\\&|LOADGEN|RGH|CUSTODIAN|CUST|20260301120000||";
        String pid = "PID|1||" + mrn + "^^^RGH^MR||" + person(run, patient) + "|F";
        if (i % 2 == 0) {
            return head + "ADT^A01^ADT_A01|" + run + "-" + i + "|P|2.5.1\rEVN|A01|20260301120000\r" + pid
                    + "\rPV1|1|I|4W^401^A||||||||||||||||" + run + "V" + patient + "\r";
        }
        return head + "ORU^R01^ORU_R01|" + run + "-" + i + "|P|2.5.1\r" + pid
                + "\rOBR|1|||24323-8^CMP^LN|||20260302070000"
                + "\rOBX|1|NM|2345-7^Glucose^LN||" + (70 + i % 60) + "|mg/dL|70-99||||F"
                + "\rOBX|2|NM|2160-0^Creatinine^LN||1.1|mg/dL|0.6-1.3||||F\r";
    }

    private static final String[] SYLLABLES = {"ka", "lo", "mi", "ren", "sa", "to", "vi", "bel", "dor", "fen", "gar",
        "hol", "jun", "kes", "lin", "mar", "nor", "pel", "quin", "ros"};

    /**
     * Family^Given||birth date of a different person for every patient number, as a registration feed
     * brings: identical demographics would rightly be flagged as duplicates by the MPI and measure that.
     */
    static String person(String run, long patient) {
        // mixed, not (run + patient).hashCode(): neighbouring numbers of some run ids hashed to the same person
        long n = new java.util.SplittableRandom(run.hashCode() * 1_000_003L + patient).nextLong() & Long.MAX_VALUE;
        String family = word(n, 3);
        String given = word(n / 7919, 2);
        java.time.LocalDate born = java.time.LocalDate.of(1930, 1, 1).plusDays(n % 30000);
        return family + "^" + given + "||" + born.toString().replace("-", "");
    }

    private static String word(long n, int syllables) {
        StringBuilder w = new StringBuilder();
        for (int i = 0; i < syllables; i++) {
            w.append(SYLLABLES[(int) (n % SYLLABLES.length)]);
            n /= SYLLABLES.length;
        }
        return Character.toUpperCase(w.charAt(0)) + w.substring(1);
    }

    private static String exchange(OutputStream out, InputStream in, String message) throws IOException {
        out.write(0x0B);
        out.write(message.getBytes(StandardCharsets.UTF_8));
        out.write(0x1C);
        out.write(0x0D);
        out.flush();
        int b;
        while ((b = in.read()) != 0x0B) {
            if (b == -1) {
                throw new IOException("closed before an ACK");
            }
        }
        StringBuilder ack = new StringBuilder();
        while ((b = in.read()) != 0x1C) {
            if (b == -1) {
                throw new IOException("closed inside an ACK");
            }
            ack.append((char) b);
        }
        in.read();
        return ack.toString();
    }

    private static double pct(long[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1e6;
    }
}
