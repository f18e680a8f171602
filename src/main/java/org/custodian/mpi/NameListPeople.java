package org.custodian.mpi;

import static org.custodian.mpi.Draws.capitalise;
import static org.custodian.mpi.Draws.digits;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import org.custodian.record.Sex;

/**
 * People drawn with realistic name frequencies from short lists: common names by rank (the n-th
 * about 1/n as common as the first) and a long tail of made-up rare family names.
 */
final class NameListPeople implements PeopleSource {
    private static final List<String> FEMALE = lines("female.txt");
    private static final List<String> MALE = lines("male.txt");
    private static final List<String> FAMILY = lines("family.txt");
    private static final List<String> STREETS = lines("streets.txt");
    private static final List<String> PLACES = lines("places.txt");
    private static final String[] SYLLABLES = {"ka", "lo", "ver", "ston", "ber", "mi", "ra", "dell", "son", "wick",
        "an", "ton", "hal", "ford", "ri", "nel", "os", "ki", "bar", "lund", "ham", "ek", "ov", "zi", "mar", "ley"};

    private int drawn;

    @Override
    public BasePerson next(String id, SplittableRandom random) {
        drawn++;
        boolean female = random.nextBoolean();
        String given = zipf(female ? FEMALE : MALE, random);
        String family = random.nextDouble() < 0.35 ? rareFamily(random) : zipf(FAMILY, random);
        LocalDate birth = LocalDate.of(1930, 1, 1).plusDays(random.nextInt(365 * 94));
        Residence home = residence(random);
        return new BasePerson(new Demographics(id, capitalise(given), capitalise(family), birth,
                female ? Sex.FEMALE : Sex.MALE, home.addressLine(), home.city(), home.state(), home.postalCode(),
                Draws.phone(random), Draws.ssn(random)), null);
    }

    @Override
    public String given(Sex sex, SplittableRandom random) {
        return capitalise(zipf(sex == Sex.FEMALE ? FEMALE : MALE, random));
    }

    @Override
    public String family(SplittableRandom random) {
        return capitalise(random.nextBoolean() ? zipf(FAMILY, random) : rareFamily(random));
    }

    @Override
    public Residence residence(SplittableRandom random) {
        String[] place = PLACES.get(random.nextInt(PLACES.size())).split(",");
        String address = (1 + random.nextInt(1999)) + " " + capitalise(STREETS.get(random.nextInt(STREETS.size())))
                + (random.nextInt(5) == 0 ? " Apt " + (1 + random.nextInt(40)) : "");
        return new Residence(address, capitalise(place[0]), place[1].toUpperCase(), place[2] + digits(random, 2));
    }

    @Override
    public String describe() {
        return String.format("%,d people drawn from the built-in name-frequency lists", drawn);
    }

    private static String rareFamily(SplittableRandom random) {
        int parts = 2 + random.nextInt(2);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < parts; i++) {
            out.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
        }
        return out.toString();
    }

    /** Rank-frequency draw: the n-th name is about 1/n as common as the first. */
    private static String zipf(List<String> names, SplittableRandom random) {
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

    static List<String> lines(String resource) {
        String path = resource.startsWith("/") ? resource : "/org/custodian/mpi/generator/" + resource;
        try (var in = Objects.requireNonNull(NameListPeople.class.getResourceAsStream(path), path);
             var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return reader.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
