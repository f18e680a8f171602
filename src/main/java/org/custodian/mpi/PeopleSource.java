package org.custodian.mpi;

import java.util.SplittableRandom;
import org.custodian.record.Sex;

/**
 * Where {@link DuplicateGenerator} takes its people from: the base person of each new identity, and
 * the parts it needs to corrupt a record or make a twin (another first name, another family name,
 * another home). Every draw comes from the generator's random source, so a seed gives one file.
 */
public interface PeopleSource {

    /** The next person as first registered; {@code id} is the record id to give them. */
    BasePerson next(String id, SplittableRandom random);

    /** A first name for someone of this sex (a twin's). */
    String given(Sex sex, SplittableRandom random);

    /** A family name, for a married-name change when the person's maiden name is not known. */
    String family(SplittableRandom random);

    /** Another home, for someone who moved. */
    Residence residence(SplittableRandom random);

    /** What the people drawn so far were, for the figures (e.g. "1,000 Synthea patients, 9,000 recombined"). */
    String describe();

    /** A person as first registered, with the family name they were born with if it differs. */
    record BasePerson(Demographics demographics, String maidenName) {
    }

    /** An address with its city, state and ZIP code. */
    record Residence(String addressLine, String city, String state, String postalCode) {
    }
}
