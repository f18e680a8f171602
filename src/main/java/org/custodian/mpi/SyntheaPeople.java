package org.custodian.mpi;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.custodian.record.Sex;

/**
 * People from a Synthea run. Each Synthea patient is used once as Synthea made them (a married
 * woman's maiden name gives the realistic married-name change). Synthea simulates whole lifetimes
 * (about half a CPU-second each here), so for larger files the rest are recombined from the
 * patients' own fields: a first name and sex from one, a family name from another, a birth date
 * near a third's, a home on a fourth's street (a house number of its own) in a fifth's town, a new
 * phone and SSN. Names, ages and places thus keep
 * Synthea's distributions; {@link #describe()} says how many of each kind a file holds.
 */
public final class SyntheaPeople implements PeopleSource {
    private final List<BasePerson> patients;
    private final String from;
    private final List<BasePerson> female = new ArrayList<>();
    private final List<BasePerson> male = new ArrayList<>();
    private final List<BasePerson> order;
    private int used;
    private int recombined;

    SyntheaPeople(List<BasePerson> patients, String from) {
        if (patients.isEmpty()) {
            throw new IllegalArgumentException("no Patient resources in " + from);
        }
        this.patients = List.copyOf(patients);
        this.from = from;
        this.order = new ArrayList<>(patients);
        for (BasePerson p : patients) {
            if (p.demographics().sex() == Sex.FEMALE) {
                female.add(p);
            } else if (p.demographics().sex() == Sex.MALE) {
                male.add(p);
            }
        }
    }

    /**
     * Reads the Patient resources of a Synthea output directory ({@code DIR/fhir/*.json} bundles or
     * {@code Patient*.ndjson}); {@code warnings} hears of values read as missing.
     */
    public static SyntheaPeople read(Path directory, Consumer<String> warnings) throws IOException {
        SyntheaPatientReader reader = new SyntheaPatientReader(warnings);
        List<BasePerson> patients = new ArrayList<>();
        for (Path file : SyntheaPatientReader.files(directory)) {
            reader.read(file, patients::add);
        }
        return new SyntheaPeople(patients, directory.toString());
    }

    /** The Synthea patients read, as they are. */
    public List<BasePerson> patients() {
        return patients;
    }

    @Override
    public BasePerson next(String id, SplittableRandom random) {
        if (used == 0) {
            shuffle(random);
        }
        if (used < order.size()) {
            return order.get(used++);
        }
        recombined++;
        BasePerson first = pick(patients, random);
        Sex sex = first.demographics().sex();
        BasePerson family = pick(patients, random);
        boolean keepsMaiden = sex == Sex.FEMALE && family.maidenName() != null;
        LocalDate birth = pick(patients, random).demographics().birthDate();
        if (birth != null) {
            birth = birth.plusDays(random.nextInt(-180, 181));
        }
        Residence home = residence(random);
        return new BasePerson(new Demographics(id, first.demographics().given(), family.demographics().family(), birth,
                sex, home.addressLine(), home.city(), home.state(), home.postalCode(), Draws.phone(random),
                Draws.ssn(random)), keepsMaiden ? family.maidenName() : null);
    }

    @Override
    public String given(Sex sex, SplittableRandom random) {
        List<BasePerson> same = sex == Sex.FEMALE ? female : sex == Sex.MALE ? male : patients;
        return pick(same.isEmpty() ? patients : same, random).demographics().given();
    }

    @Override
    public String family(SplittableRandom random) {
        return pick(patients, random).demographics().family();
    }

    @Override
    public Residence residence(SplittableRandom random) {
        Demographics street = pick(patients, random).demographics();
        Demographics place = pick(patients, random).demographics();
        return new Residence(newHouse(street.addressLine(), random), place.city(), place.state(), place.postalCode());
    }

    /**
     * A home on one patient's street with a house number of its own: a thousand Synthea patients have a
     * thousand homes, and a million people recombined into those homes would make strangers housemates
     * by the hundred, which real households (two or three people) are not.
     */
    static String newHouse(String addressLine, SplittableRandom random) {
        if (addressLine == null || addressLine.isBlank()) {
            return addressLine;
        }
        int street = 0;
        while (street < addressLine.length() && Character.isDigit(addressLine.charAt(street))) {
            street++;
        }
        String rest = addressLine.substring(street).strip();
        return rest.isEmpty() ? addressLine : (1 + random.nextInt(9999)) + " " + rest;
    }

    @Override
    public String describe() {
        return String.format("%,d Synthea patients read from %s; %,d of them used as they are, %,d more people "
                + "recombined from their fields", patients.size(), from, used, recombined);
    }

    private void shuffle(SplittableRandom random) {
        for (int i = order.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            BasePerson swap = order.get(i);
            order.set(i, order.get(j));
            order.set(j, swap);
        }
    }

    private static BasePerson pick(List<BasePerson> from, SplittableRandom random) {
        return from.get(random.nextInt(from.size()));
    }
}
