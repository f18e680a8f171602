package org.custodian.mpi.matching;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.commons.codec.language.DoubleMetaphone;
import org.custodian.mpi.Demographics;
import org.custodian.record.NameFolding;

/**
 * Turns demographics as received into {@link Prepared} values. Placeholders (an all-zero SSN, a
 * phone of one repeated digit) become missing; absurd values (a birth date in the future, a name of
 * one letter) are kept but noted, so the pair can never be linked without a person looking.
 */
public final class Preparer {
    private static final LocalDate EARLIEST_BIRTH = LocalDate.of(1880, 1, 1);
    private static final int MAX_REMEMBERED_SOUNDS = 500_000;

    private final Nicknames nicknames;
    private final Clock clock;
    private final DoubleMetaphone metaphone = new DoubleMetaphone();
    /** Name sounds computed before (primary and alternate code): names repeat, Double Metaphone is slow. */
    private final Map<String, String[]> sounds = new ConcurrentHashMap<>();

    public Preparer(Nicknames nicknames, Clock clock) {
        this.nicknames = nicknames;
        this.clock = clock;
        metaphone.setMaxCodeLen(6);
    }

    public static Preparer standard() {
        return new Preparer(Nicknames.standard(), Clock.systemUTC());
    }

    public Prepared prepare(Demographics d) {
        List<String> problems = new ArrayList<>();
        String given = name(d.given(), "given name", problems);
        String family = name(d.family(), "family name", problems);
        LocalDate birth = d.birthDate();
        if (birth == null) {
            problems.add("birth date missing");
        } else if (birth.isAfter(LocalDate.now(clock))) {
            problems.add("birth date " + birth + " is in the future");
        } else if (birth.isBefore(EARLIEST_BIRTH)) {
            problems.add("birth date " + birth + " is before " + EARLIEST_BIRTH);
        }
        String ssn = ssn(d.ssn(), problems);
        String address = AddressNormalizer.normalize(d.addressLine());
        String givenSound = sound(given);
        return new Prepared(d.id(), given, givenSound, given == null ? null : nicknames.root(given, givenSound),
                family, sound(family), altSound(family), birth, sexCode(d), address,
                AddressNormalizer.houseNumber(address), emptyToNull(NameFolding.fold(d.city())),
                emptyToNull(NameFolding.fold(d.state())), zip(d.postalCode()), phone(d.phone()), ssn, problems);
    }

    private static String name(String raw, String what, List<String> problems) {
        String folded = emptyToNull(NameFolding.fold(raw));
        if (folded == null) {
            problems.add(what + " missing");
        } else if (folded.replace(" ", "").length() < 2) {
            problems.add(what + " '" + raw.trim() + "' is a single letter");
        }
        return folded;
    }

    private String sound(String name) {
        return name == null ? null : sounds(name)[0];
    }

    private String altSound(String name) {
        return name == null ? null : sounds(name)[1];
    }

    private String[] sounds(String name) {
        String[] known = sounds.get(name);
        if (known != null) {
            return known;
        }
        if (sounds.size() >= MAX_REMEMBERED_SOUNDS) {
            sounds.clear();
        }
        String letters = name.replace(" ", "");
        String[] computed = {metaphone.doubleMetaphone(letters), metaphone.doubleMetaphone(letters, true)};
        sounds.put(name, computed);
        return computed;
    }

    private static char sexCode(Demographics d) {
        return switch (d.sex()) {
            case FEMALE -> 'F';
            case MALE -> 'M';
            case OTHER -> 'O';
            case UNKNOWN -> ' ';
        };
    }

    static String digits(String raw) {
        if (raw == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c >= '0' && c <= '9') {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String ssn(String raw, List<String> problems) {
        String digits = digits(raw);
        if (digits.isEmpty()) {
            return null;
        }
        if (placeholder(digits) || digits.startsWith("000") || digits.startsWith("666")
                || (digits.length() == 9 && digits.substring(5).equals("0000"))
                || digits.equals("123456789")) {
            problems.add("SSN " + "*".repeat(Math.max(0, digits.length() - 4))
                    + digits.substring(Math.max(0, digits.length() - 4)) + " is a placeholder");
            return null;
        }
        // a partial SSN (the last four digits) is still evidence; anything else malformed is not
        return digits.length() == 9 || digits.length() == 4 ? digits : null;
    }

    private static String phone(String raw) {
        String digits = digits(raw);
        if (digits.length() == 11 && digits.charAt(0) == '1') {
            digits = digits.substring(1);
        }
        return digits.length() < 4 || placeholder(digits) ? null : digits;
    }

    private static String zip(String raw) {
        String digits = digits(raw);
        return digits.length() < 5 || placeholder(digits) ? null : digits.substring(0, 5);
    }

    private static boolean placeholder(String digits) {
        return digits.chars().distinct().count() == 1;
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
