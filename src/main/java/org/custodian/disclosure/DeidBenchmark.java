package org.custodian.disclosure;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Measures the scrubber on real note text with PHI injected from known values: each note gets
 * sentences carrying identifiers (other people's names, phones, addresses, numbers, dates in several
 * formats, ages over 89) at random places, seeded; together with the PHI Synthea itself wrote (the
 * patient's name, the note date, ages over 89) these spans are the ground truth. An identifier
 * counts as found when every letter and digit of it is covered by a scrubbed span; a scrubbed span
 * is correct when it overlaps some identifier.
 */
public final class DeidBenchmark {
    private static final List<DateTimeFormatter> DATE_FORMATS = List.of(
            DateTimeFormatter.ofPattern("MM/dd/yyyy", Locale.US), DateTimeFormatter.ofPattern("M/d/yy", Locale.US),
            DateTimeFormatter.ISO_LOCAL_DATE, DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.US),
            DateTimeFormatter.ofPattern("d MMM yyyy", Locale.US), DateTimeFormatter.ofPattern("MMM d", Locale.US),
            DateTimeFormatter.ofPattern("MM-dd-yyyy", Locale.US));
    private static final List<String> RELATIONS = List.of("daughter", "son", "wife", "husband", "sister", "brother",
            "mother", "neighbor");

    /** A PHI span of the ground truth. */
    public record Truth(int start, int end, PhiType type) {
    }

    /** One note after injection, with its ground truth. */
    public record Case(String text, List<Truth> truth) {
    }

    /** Found and missed identifiers per type, and scrubbed spans right and wrong. */
    public record Result(int notes, Map<PhiType, int[]> byType, int spansCorrect, int spansWrong, List<String> misses,
                         List<String> falsePositives) {
        public int found() {
            return byType.values().stream().mapToInt(c -> c[0]).sum();
        }

        public int identifiers() {
            return byType.values().stream().mapToInt(c -> c[0] + c[1]).sum();
        }

        public double recall() {
            return identifiers() == 0 ? 1 : (double) found() / identifiers();
        }

        public double precision() {
            int spans = spansCorrect + spansWrong;
            return spans == 0 ? 1 : (double) spansCorrect / spans;
        }
    }

    private final PhiScrubber scrubber;

    public DeidBenchmark(PhiScrubber scrubber) {
        this.scrubber = scrubber;
    }

    /** Builds the cases: {@code people} are names to inject (other patients, clinicians), "Given Family". */
    public List<Case> cases(List<BenchmarkNote> notes, List<String> people, long seed) {
        Random random = new Random(seed);
        List<Case> cases = new ArrayList<>();
        for (BenchmarkNote note : notes) {
            cases.add(inject(note, people, random));
        }
        return cases;
    }

    public Result run(List<Case> cases) {
        Map<PhiType, int[]> byType = new EnumMap<>(PhiType.class);
        int correct = 0;
        int wrong = 0;
        List<String> misses = new ArrayList<>();
        List<String> falsePositives = new ArrayList<>();
        for (Case c : cases) {
            List<PhiSpan> found = scrubber.find(c.text(), KnownIdentifiers.NONE);
            for (Truth t : c.truth()) {
                boolean covered = covered(c.text(), t, found);
                byType.computeIfAbsent(t.type(), k -> new int[2])[covered ? 0 : 1]++;
                if (!covered && misses.size() < 40) {
                    int from = Math.max(0, t.start() - 30);
                    int to = Math.min(c.text().length(), t.end() + 30);
                    misses.add(t.type() + " '" + c.text().substring(t.start(), t.end()) + "' in: …"
                            + c.text().substring(from, to).replace('\n', ' ') + "…");
                }
            }
            for (PhiSpan s : found) {
                boolean hit = c.truth().stream().anyMatch(t -> s.overlaps(t.start(), t.end()));
                if (hit) {
                    correct++;
                } else {
                    wrong++;
                    if (falsePositives.size() < 40) {
                        falsePositives.add(s.type() + " '" + c.text().substring(s.start(), s.end()) + "'");
                    }
                }
            }
        }
        return new Result(cases.size(), byType, correct, wrong, misses, falsePositives);
    }

    private static boolean covered(String text, Truth t, List<PhiSpan> found) {
        for (int i = t.start(); i < t.end(); i++) {
            if (!Character.isLetterOrDigit(text.charAt(i))) {
                continue;
            }
            int at = i;
            if (found.stream().noneMatch(s -> s.start() <= at && at < s.end())) {
                return false;
            }
        }
        return true;
    }

    private static Case inject(BenchmarkNote note, List<String> people, Random random) {
        List<String> lines = new ArrayList<>(note.text().lines().toList());
        int sentences = 4 + random.nextInt(4);
        for (int i = 0; i < sentences; i++) {
            Sentence s = sentence(note, people, random);
            lines.add(boundaryAfter(lines, 1 + random.nextInt(Math.max(1, lines.size()))), s.marked());
        }
        String marked = String.join("\n", lines);
        return ground(marked, note);
    }

    /** The first place at or after {@code from} that ends a sentence or paragraph, so no sentence is split. */
    private static int boundaryAfter(List<String> lines, int from) {
        for (int i = Math.min(from, lines.size()); i < lines.size(); i++) {
            String before = lines.get(i - 1).strip();
            if (before.isEmpty() || before.endsWith(".") || before.startsWith("#") || before.startsWith("-")) {
                return i;
            }
        }
        return lines.size();
    }

    /** Removes the ⟦TYPE|value⟧ marks of injected PHI, recording where each value lands. */
    private static Case ground(String marked, BenchmarkNote note) {
        StringBuilder text = new StringBuilder();
        List<Truth> truth = new ArrayList<>();
        Matcher m = Pattern.compile("⟦([A-Z]+)\\|(.*?)⟧").matcher(marked);
        int at = 0;
        while (m.find()) {
            text.append(marked, at, m.start());
            int start = text.length();
            text.append(m.group(2));
            truth.add(new Truth(start, text.length(), PhiType.valueOf(m.group(1))));
            at = m.end();
        }
        text.append(marked.substring(at));
        String plain = text.toString();
        for (String name : note.patientNames()) {
            mark(plain, Pattern.quote(name), PhiType.NAME, truth);
        }
        if (note.date() != null) {
            mark(plain, Pattern.quote(note.date().toString()), PhiType.DATE, truth);
        }
        mark(plain, "\\b(?:9\\d|1[0-4]\\d)(?= year-old)", PhiType.AGE, truth);
        return new Case(plain, truth);
    }

    private static void mark(String text, String regex, PhiType type, List<Truth> truth) {
        Matcher m = Pattern.compile("(?<![A-Za-z0-9])" + regex + "(?![A-Za-z0-9])").matcher(text);
        while (m.find()) {
            int s = m.start();
            int e = m.end();
            if (truth.stream().noneMatch(t -> t.start() < e && s < t.end())) {
                truth.add(new Truth(s, e, type));
            }
        }
    }

    private record Sentence(String marked) {
    }

    private static Sentence sentence(BenchmarkNote note, List<String> people, Random r) {
        String person = people.get(r.nextInt(people.size()));
        String given = person.substring(0, person.indexOf(' '));
        String family = person.substring(person.indexOf(' ') + 1);
        String relation = RELATIONS.get(r.nextInt(RELATIONS.size()));
        LocalDate day = (note.date() == null ? LocalDate.of(2020, 1, 1) : note.date()).plusDays(r.nextInt(120) - 60);
        String date = DATE_FORMATS.get(r.nextInt(DATE_FORMATS.size())).format(day);
        String phone = phone(r);
        String text = switch (r.nextInt(22)) {
            case 0 -> "Discussed the plan with " + n(given + " " + family) + " (" + relation + ").";
            case 1 -> "Seen together with Dr. " + n(family) + " today.";
            case 2 -> "Note reviewed by " + n(given + " " + family) + ", MD.";
            case 3 -> "Emergency contact: " + n(given + " " + family) + ", " + t("PHONE", phone) + ".";
            case 4 -> "Patient's " + relation + " " + n(given) + " will drive the patient home.";
            case 5 -> "Referred by " + n(given + " " + family) + " for follow-up.";
            case 6 -> "Follow-up appointment on " + t("DATE", date) + ".";
            case 7 -> "Call back at " + t("PHONE", phone) + " with results.";
            case 8 -> "Fax records to " + t("FAX", phone(r)) + ".";
            case 9 -> "Portal messages go to " + t("EMAIL", ascii(given + "." + family) + r.nextInt(100)
                    + "@" + List.of("gmail.com", "example.net", "mail.org").get(r.nextInt(3))) + ".";
            case 10 -> note.street() == null ? "Lives locally." : "Lives at " + t("ADDRESS", note.street()) + ", "
                    + t("ADDRESS", note.city()) + ", " + note.state() + " " + t("ADDRESS", note.zip()) + ".";
            case 11 -> "MRN: " + t("MRN", String.format("%08d", r.nextInt(100_000_000))) + ".";
            case 12 -> "Medical record number " + t("MRN", "MR" + (100000 + r.nextInt(900000))) + " confirmed.";
            case 13 -> "SSN " + t("SSN", String.format("%03d-%02d-%04d", 100 + r.nextInt(660), 10 + r.nextInt(89),
                    1000 + r.nextInt(9000))) + " verified with the patient.";
            case 14 -> "Billing account " + t("ACCOUNT", String.valueOf(10_000_000L + r.nextInt(89_999_999))) + " updated.";
            case 15 -> "Member ID " + t("ACCOUNT", "XJ" + (1_000_000 + r.nextInt(8_999_999))) + " on the insurance card.";
            case 16 -> "Driver's license " + t("LICENSE", "S" + (100 + r.nextInt(899)) + "-" + (1000 + r.nextInt(8999))
                    + "-" + (1000 + r.nextInt(8999))) + " scanned at registration.";
            case 17 -> "Education material at " + t("URL", "https://www." + ascii(family)
                    + "-clinic.org/care/" + r.nextInt(1000)) + " was shared.";
            case 18 -> "Telehealth session connected from IP " + t("IP", (10 + r.nextInt(200)) + "." + r.nextInt(256)
                    + "." + r.nextInt(256) + "." + (1 + r.nextInt(254))) + ".";
            case 19 -> "The patient's grandmother is " + t("AGE", String.valueOf(90 + r.nextInt(15))) + " years old.";
            case 20 -> "Last seen on " + t("DATE", date) + " by Dr. " + n(given + " " + family) + ".";
            default -> "Mrs. " + n(family) + " accompanied the patient.";
        };
        return new Sentence(text);
    }

    private static String ascii(String text) {
        return java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFD).replaceAll("[^A-Za-z.]", "")
                .toLowerCase(Locale.ROOT);
    }

    private static String n(String name) {
        return t("NAME", name);
    }

    private static String t(String type, String value) {
        return "⟦" + type + "|" + value + "⟧";
    }

    private static String phone(Random r) {
        int area = 201 + r.nextInt(700);
        int exchange = 200 + r.nextInt(700);
        int line = r.nextInt(10000);
        return switch (r.nextInt(3)) {
            case 0 -> String.format("(%d) %d-%04d", area, exchange, line);
            case 1 -> String.format("%d-%d-%04d", area, exchange, line);
            default -> String.format("%d.%d.%04d", area, exchange, line);
        };
    }
}
