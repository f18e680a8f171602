package org.custodian.mpi;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import org.custodian.record.Sex;

/**
 * A seeded generator of patient files with known duplicates, for measuring the MPI. People are drawn
 * with realistic name frequencies (common names by rank, a long tail of rare ones); a share of them
 * get duplicate records carrying the errors registration really makes: typos, transposed letters,
 * nicknames, married names, swapped day and month, missing fields, a move, a partial SSN. Twins
 * (same birth date, family, address and phone, another first name) are the hard non-matches.
 * The same seed always gives the same file.
 */
public final class DuplicateGenerator {
    private static final List<String> FEMALE = lines("female.txt");
    private static final List<String> MALE = lines("male.txt");
    private static final List<String> FAMILY = lines("family.txt");
    private static final List<String> STREETS = lines("streets.txt");
    private static final List<String> PLACES = lines("places.txt");
    private static final List<String> NICKNAME_GROUPS = lines("/org/custodian/mpi/nicknames.txt");
    private static final String[] SYLLABLES = {"ka", "lo", "ver", "ston", "ber", "mi", "ra", "dell", "son", "wick",
        "an", "ton", "hal", "ford", "ri", "nel", "os", "ki", "bar", "lund", "ham", "ek", "ov", "zi", "mar", "ley"};
    private static final char[] KEYBOARD = "abcdefghijklmnopqrstuvwxyz".toCharArray();

    private final SplittableRandom random;
    private final double duplicateShare;
    private final double twinShare;

    /** One generated record and the person it belongs to (the ground truth). */
    public record Row(Demographics demographics, String person) {
    }

    public DuplicateGenerator(long seed, double duplicateShare, double twinShare) {
        this.random = new SplittableRandom(seed);
        this.duplicateShare = duplicateShare;
        this.twinShare = twinShare;
    }

    /** About {@code records} rows: people, their duplicates and their twins, in shuffled order. */
    public List<Row> generate(int records) {
        List<Row> rows = new ArrayList<>(records + 16);
        int person = 0;
        while (rows.size() < records) {
            String personId = "P" + person++;
            Demographics original = person(personId);
            rows.add(new Row(original, personId));
            if (random.nextDouble() < duplicateShare) {
                int copies = 1 + (random.nextDouble() < 0.25 ? 1 : 0);
                for (int c = 0; c < copies; c++) {
                    rows.add(new Row(corrupt(original, personId + "-D" + c), personId));
                }
            }
            if (random.nextDouble() < twinShare) {
                String twinId = "P" + person++;
                rows.add(new Row(twin(original, twinId), twinId));
            }
        }
        for (int i = rows.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            Row swap = rows.get(i);
            rows.set(i, rows.get(j));
            rows.set(j, swap);
        }
        return rows;
    }

    private Demographics person(String id) {
        boolean female = random.nextBoolean();
        String given = zipf(female ? FEMALE : MALE);
        String family = random.nextDouble() < 0.35 ? rareFamily() : zipf(FAMILY);
        LocalDate birth = LocalDate.of(1930, 1, 1).plusDays(random.nextInt(365 * 94));
        String[] place = PLACES.get(random.nextInt(PLACES.size())).split(",");
        return new Demographics(id, capitalise(given), capitalise(family), birth, female ? Sex.FEMALE : Sex.MALE,
                address(), capitalise(place[0]), place[1].toUpperCase(), place[2] + digits(2), phone(), ssn());
    }

    private Demographics twin(Demographics d, String id) {
        boolean female = random.nextBoolean();
        String given;
        do {
            given = capitalise(zipf(female ? FEMALE : MALE));
        } while (given.equalsIgnoreCase(d.given()));
        return new Demographics(id, given, d.family(), d.birthDate(), female ? Sex.FEMALE : Sex.MALE,
                d.addressLine(), d.city(), d.state(), d.postalCode(), d.phone(), ssn());
    }

    /** A second registration of the same person with one to three realistic errors. */
    private Demographics corrupt(Demographics d, String id) {
        String given = d.given();
        String family = d.family();
        LocalDate birth = d.birthDate();
        String address = d.addressLine();
        String city = d.city();
        String state = d.state();
        String zip = d.postalCode();
        String phone = d.phone();
        String ssn = d.ssn();
        int errors = 1 + random.nextInt(3);
        for (int e = 0; e < errors; e++) {
            switch (random.nextInt(11)) {
                case 0 -> given = typo(given);
                case 1 -> family = typo(family);
                case 2 -> given = nickname(given);
                case 3 -> {
                    if (d.sex() == Sex.FEMALE) {
                        family = capitalise(random.nextBoolean() ? zipf(FAMILY) : rareFamily());
                    } else {
                        family = typo(family);
                    }
                }
                case 4 -> birth = birth.getDayOfMonth() <= 12 && birth.getDayOfMonth() != birth.getMonthValue()
                        ? LocalDate.of(birth.getYear(), birth.getDayOfMonth(), birth.getMonthValue())
                        : birth.plusYears(random.nextBoolean() ? 1 : -1);
                case 5 -> {
                    phone = random.nextBoolean() ? null : phone;
                    ssn = random.nextBoolean() ? null : ssn;
                }
                case 6 -> {
                    String[] place = PLACES.get(random.nextInt(PLACES.size())).split(",");
                    address = address();
                    city = capitalise(place[0]);
                    state = place[1].toUpperCase();
                    zip = place[2] + digits(2);
                    phone = random.nextBoolean() ? phone() : phone;
                }
                case 7 -> ssn = ssn == null ? null : random.nextBoolean() ? ssn.substring(ssn.length() - 4) : typoDigit(ssn);
                case 8 -> phone = phone == null ? null : typoDigit(phone);
                case 9 -> address = address == null ? null : abbreviate(address);
                default -> {
                    address = random.nextBoolean() ? null : address;
                    given = random.nextInt(4) == 0 ? given.substring(0, 1) : given;
                }
            }
        }
        return new Demographics(id, given, family, birth, d.sex(), address, city, state, zip, phone, ssn);
    }

    private String nickname(String given) {
        String lower = given.toLowerCase();
        List<String> options = new ArrayList<>();
        for (String line : NICKNAME_GROUPS) {
            List<String> group = List.of(line.split(","));
            if (group.contains(lower)) {
                group.stream().filter(n -> !n.equals(lower)).forEach(options::add);
            }
        }
        return options.isEmpty() ? typo(given) : capitalise(options.get(random.nextInt(options.size())));
    }

    private String typo(String word) {
        if (word.length() < 3) {
            return word;
        }
        char[] c = word.toCharArray();
        int i = 1 + random.nextInt(c.length - 2);
        return switch (random.nextInt(4)) {
            case 0 -> {
                char t = c[i];
                c[i] = c[i + 1];
                c[i + 1] = t;
                yield new String(c);
            }
            case 1 -> word.substring(0, i) + word.substring(i + 1);
            case 2 -> word.substring(0, i) + KEYBOARD[random.nextInt(26)] + word.substring(i);
            default -> {
                c[i] = KEYBOARD[random.nextInt(26)];
                yield new String(c);
            }
        };
    }

    private String typoDigit(String number) {
        char[] c = number.toCharArray();
        int i = random.nextInt(c.length - 1);
        if (random.nextBoolean()) {
            char t = c[i];
            c[i] = c[i + 1];
            c[i + 1] = t;
        } else {
            c[i] = (char) ('0' + random.nextInt(10));
        }
        return new String(c);
    }

    private static String abbreviate(String address) {
        return address.replace("Street", "St").replace("Avenue", "Ave.").replace("Drive", "Dr").replace("North", "N");
    }

    private String address() {
        return (1 + random.nextInt(1999)) + " " + capitalise(STREETS.get(random.nextInt(STREETS.size())))
                + (random.nextInt(5) == 0 ? " Apt " + (1 + random.nextInt(40)) : "");
    }

    private String phone() {
        return (2 + random.nextInt(8)) + digits(2) + "-" + (2 + random.nextInt(8)) + digits(2) + "-" + digits(4);
    }

    private String ssn() {
        return String.format("%03d-%02d-%04d", 1 + random.nextInt(665), 1 + random.nextInt(99), 1 + random.nextInt(9999));
    }

    private String digits(int n) {
        StringBuilder out = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            out.append((char) ('0' + random.nextInt(10)));
        }
        return out.toString();
    }

    private String rareFamily() {
        int parts = 2 + random.nextInt(2);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < parts; i++) {
            out.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
        }
        return out.toString();
    }

    /** Rank-frequency draw: the n-th name is about 1/n as common as the first. */
    private String zipf(List<String> names) {
        double total = 0;
        for (int r = 1; r <= names.size(); r++) {
            total += 1.0 / r;
        }
        double target = random.nextDouble() * total;
        for (int r = 1; r <= names.size(); r++) {
            target -= 1.0 / r;
            if (target <= 0) {
                return names.get(r - 1);
            }
        }
        return names.getLast();
    }

    private static String capitalise(String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean start = true;
        for (char c : text.toCharArray()) {
            out.append(start ? Character.toUpperCase(c) : c);
            start = c == ' ' || c == '-';
        }
        return out.toString();
    }

    private static List<String> lines(String resource) {
        String path = resource.startsWith("/") ? resource : "/org/custodian/mpi/generator/" + resource;
        try (var in = Objects.requireNonNull(DuplicateGenerator.class.getResourceAsStream(path), path);
             var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return reader.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
