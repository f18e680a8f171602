package org.custodian.mpi;

import static org.custodian.mpi.Draws.capitalise;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.custodian.record.Sex;

/**
 * A seeded generator of patient files with known duplicates, for measuring the MPI. People come
 * from a {@link PeopleSource} (built-in name-frequency lists, or Synthea patients); a share of them
 * get duplicate records carrying the errors registration really makes: typos, transposed letters,
 * nicknames, married names, swapped day and month, missing fields, a move, a partial SSN. Twins
 * (same birth date, family, address and phone, another first name) are the hard non-matches.
 * Every row says how it came to be ({@link Origin}). The same seed and source give the same file.
 */
public final class DuplicateGenerator {
    private static final List<String> NICKNAME_GROUPS = NameListPeople.lines("/org/custodian/mpi/nicknames.txt");
    private static final char[] KEYBOARD = "abcdefghijklmnopqrstuvwxyz".toCharArray();

    private final PeopleSource people;
    private final SplittableRandom random;
    private final double duplicateShare;
    private final double twinShare;

    /** One generated record, the person it belongs to and how it came to be (the ground truth). */
    public record Row(Demographics demographics, String person, Origin origin) {
    }

    /** A generator over the built-in name-frequency lists. */
    public DuplicateGenerator(long seed, double duplicateShare, double twinShare) {
        this(new NameListPeople(), seed, duplicateShare, twinShare);
    }

    public DuplicateGenerator(PeopleSource people, long seed, double duplicateShare, double twinShare) {
        this.people = people;
        this.random = new SplittableRandom(seed);
        this.duplicateShare = duplicateShare;
        this.twinShare = twinShare;
    }

    /** About {@code records} rows: people, their duplicates and their twins, in shuffled order. */
    public List<Row> generate(int records) {
        List<Row> rows = new ArrayList<>(records + 16);
        int person = 0;
        while (rows.size() < records) {
            PeopleSource.BasePerson base = people.next("P" + person++, random);
            Demographics original = base.demographics();
            String personId = original.id();
            rows.add(new Row(original, personId, new Origin.Original()));
            if (random.nextDouble() < duplicateShare) {
                int copies = 1 + (random.nextDouble() < 0.25 ? 1 : 0);
                for (int c = 0; c < copies; c++) {
                    List<Corruption> errors = new ArrayList<>(3);
                    Demographics copy = corrupt(base, personId + "-D" + c, errors);
                    rows.add(new Row(copy, personId, new Origin.Duplicate(personId, errors)));
                }
            }
            if (random.nextDouble() < twinShare) {
                String twinId = "P" + person++;
                Demographics twin = twin(original, twinId);
                if (twin != null) {
                    rows.add(new Row(twin, twinId, new Origin.Twin(personId)));
                }
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

    /** What the people were drawn from, for the figures. */
    public String base() {
        return people.describe();
    }

    /** A twin of {@code d} with another first name; null if the source gives no other name. */
    private Demographics twin(Demographics d, String id) {
        boolean female = random.nextBoolean();
        String given = people.given(female ? Sex.FEMALE : Sex.MALE, random);
        for (int tries = 1; given == null || given.equalsIgnoreCase(d.given()); tries++) {
            if (tries == 100) {
                return null; // a source too small to name a twin otherwise
            }
            given = people.given(female ? Sex.FEMALE : Sex.MALE, random);
        }
        return new Demographics(id, given, d.family(), d.birthDate(), female ? Sex.FEMALE : Sex.MALE,
                d.addressLine(), d.city(), d.state(), d.postalCode(), d.phone(), Draws.ssn(random));
    }

    /** A second registration of the same person with one to three realistic errors, named in {@code errors}. */
    private Demographics corrupt(PeopleSource.BasePerson base, String id, List<Corruption> errors) {
        Demographics d = base.demographics();
        Edit given = new Edit(d.given());
        Edit family = new Edit(d.family());
        LocalDate birth = d.birthDate();
        Edit address = new Edit(d.addressLine());
        String city = d.city();
        String state = d.state();
        String zip = d.postalCode();
        Edit phone = new Edit(d.phone());
        Edit ssn = new Edit(d.ssn());
        int count = 1 + random.nextInt(3);
        for (int e = 0; e < count; e++) {
            switch (random.nextInt(11)) {
                case 0 -> typo(given);
                case 1 -> typo(family);
                case 2 -> nickname(given);
                case 3 -> {
                    if (base.maidenName() != null) {
                        family.set(base.maidenName(), Corruption.MARRIED_NAME);
                    } else if (d.sex() == Sex.FEMALE) {
                        family.set(people.family(random), Corruption.MARRIED_NAME);
                    } else {
                        typo(family);
                    }
                }
                case 4 -> {
                    if (birth == null) {
                        break;
                    }
                    if (birth.getDayOfMonth() <= 12 && birth.getDayOfMonth() != birth.getMonthValue()) {
                        birth = LocalDate.of(birth.getYear(), birth.getDayOfMonth(), birth.getMonthValue());
                        note(errors, Corruption.SWAPPED_DAY_MONTH);
                    } else {
                        birth = birth.plusYears(random.nextBoolean() ? 1 : -1);
                        note(errors, Corruption.WRONG_BIRTH_YEAR);
                    }
                }
                case 5 -> {
                    phone.set(random.nextBoolean() ? null : phone.text, Corruption.MISSING_FIELD);
                    ssn.set(random.nextBoolean() ? null : ssn.text, Corruption.MISSING_FIELD);
                }
                case 6 -> {
                    PeopleSource.Residence home = people.residence(random);
                    address.set(home.addressLine(), Corruption.MOVED_ADDRESS);
                    city = home.city();
                    state = home.state();
                    zip = home.postalCode();
                    phone.set(random.nextBoolean() ? Draws.phone(random) : phone.text, Corruption.MOVED_ADDRESS);
                }
                case 7 -> {
                    if (ssn.text != null) {
                        if (random.nextBoolean()) {
                            ssn.set(ssn.text.substring(ssn.text.length() - 4), Corruption.PARTIAL_SSN);
                        } else {
                            typoDigit(ssn);
                        }
                    }
                }
                case 8 -> {
                    if (phone.text != null) {
                        typoDigit(phone);
                    }
                }
                case 9 -> {
                    if (address.text != null) {
                        address.set(abbreviate(address.text), Corruption.ABBREVIATED_ADDRESS);
                    }
                }
                default -> {
                    address.set(random.nextBoolean() ? null : address.text, Corruption.MISSING_FIELD);
                    if (random.nextInt(4) == 0 && given.text != null) {
                        given.set(given.text.substring(0, 1), Corruption.INITIAL_ONLY);
                    }
                }
            }
        }
        for (Edit edit : List.of(given, family, address, phone, ssn)) {
            edit.kinds.forEach(kind -> note(errors, kind));
        }
        return new Demographics(id, given.text, family.text, birth, d.sex(), address.text, city, state, zip,
                phone.text, ssn.text);
    }

    private static void note(List<Corruption> errors, Corruption kind) {
        if (!errors.contains(kind)) {
            errors.add(kind);
        }
    }

    private void nickname(Edit given) {
        if (given.text == null) {
            return;
        }
        String lower = given.text.toLowerCase();
        List<String> options = new ArrayList<>();
        for (String line : NICKNAME_GROUPS) {
            List<String> group = List.of(line.split(","));
            if (group.contains(lower)) {
                group.stream().filter(n -> !n.equals(lower)).forEach(options::add);
            }
        }
        if (options.isEmpty()) {
            typo(given);
        } else {
            given.set(capitalise(options.get(random.nextInt(options.size()))), Corruption.NICKNAME);
        }
    }

    private void typo(Edit edit) {
        String word = edit.text;
        if (word == null || word.length() < 3) {
            return;
        }
        char[] c = word.toCharArray();
        int i = 1 + random.nextInt(c.length - 2);
        switch (random.nextInt(4)) {
            case 0 -> {
                char t = c[i];
                c[i] = c[i + 1];
                c[i + 1] = t;
                edit.set(new String(c), Corruption.TRANSPOSITION);
            }
            case 1 -> edit.set(word.substring(0, i) + word.substring(i + 1), Corruption.TYPO);
            case 2 -> edit.set(word.substring(0, i) + KEYBOARD[random.nextInt(26)] + word.substring(i), Corruption.TYPO);
            default -> {
                c[i] = KEYBOARD[random.nextInt(26)];
                edit.set(new String(c), Corruption.TYPO);
            }
        }
    }

    private void typoDigit(Edit number) {
        char[] c = number.text.toCharArray();
        int i = random.nextInt(c.length - 1);
        if (random.nextBoolean()) {
            char t = c[i];
            c[i] = c[i + 1];
            c[i + 1] = t;
            number.set(new String(c), Corruption.TRANSPOSITION);
        } else {
            c[i] = (char) ('0' + random.nextInt(10));
            number.set(new String(c), Corruption.WRONG_DIGIT);
        }
    }

    private static String abbreviate(String address) {
        return address.replace("Street", "St").replace("Avenue", "Ave.").replace("Drive", "Dr").replace("North", "N")
                .replace("Suite", "Ste");
    }

    /** A field being corrupted, and the kinds of error that changed it. */
    private static final class Edit {
        private String text;
        private final List<Corruption> kinds = new ArrayList<>(2);

        Edit(String text) {
            this.text = text;
        }

        /** Takes {@code value}; names the error only if the value really changed. */
        void set(String value, Corruption kind) {
            if (!java.util.Objects.equals(value, text)) {
                text = value;
                DuplicateGenerator.note(kinds, kind);
            }
        }
    }
}
