package org.custodian.mpi;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.custodian.record.Sex;
import org.junit.jupiter.api.Test;

/** The corruption engine over its people sources, and the ground truth it keeps. */
class DuplicateGeneratorTest {

    @Test
    void theNameListFileIsTheSameAsBeforeTheSourceBecamePluggable() throws Exception {
        // the bootstrap model and the recorded 1M figures are drawn from this very sequence
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        for (DuplicateGenerator.Row row : new DuplicateGenerator(42, 0.10, 0.01).generate(5_000)) {
            digest.update((row.demographics() + "|" + row.person() + "\n").getBytes(StandardCharsets.UTF_8));
        }
        assertThat(HexFormat.of().formatHex(digest.digest()))
                .isEqualTo("3b5e0a935ac5645de2936ffa09426c0ad8fd7690eea339216ebc6baa84b492c0");
    }

    @Test
    void everyKindOfErrorAppearsAndEachDuplicateBelongsToThePersonItCopies() {
        List<DuplicateGenerator.Row> rows = new DuplicateGenerator(pool(), 3, 0.30, 0.03).generate(4_000);
        Map<String, DuplicateGenerator.Row> byId = rows.stream()
                .collect(Collectors.toMap(r -> r.demographics().id(), Function.identity()));

        EnumSet<Corruption> seen = EnumSet.noneOf(Corruption.class);
        for (DuplicateGenerator.Row row : rows) {
            if (row.origin() instanceof Origin.Duplicate duplicate) {
                seen.addAll(duplicate.errors());
                DuplicateGenerator.Row original = byId.get(duplicate.of());
                assertThat(original.origin()).isInstanceOf(Origin.Original.class);
                assertThat(row.person()).isEqualTo(original.person());
                assertThat(row.demographics().sex()).isEqualTo(original.demographics().sex());
                if (duplicate.errors().isEmpty()) {
                    assertThat(withoutId(row)).isEqualTo(withoutId(original));
                }
            }
        }
        assertThat(seen).containsExactlyInAnyOrder(Corruption.values());
    }

    @Test
    void aMarriedWomansOtherRecordCarriesHerMaidenName() {
        SyntheaPeople people = pool();
        Map<String, String> maidenOf = people.patients().stream().filter(p -> p.maidenName() != null)
                .collect(Collectors.toMap(p -> p.demographics().id(), PeopleSource.BasePerson::maidenName));
        List<DuplicateGenerator.Row> rows = new DuplicateGenerator(people, 5, 0.50, 0).generate(1_000);

        List<DuplicateGenerator.Row> married = rows.stream()
                .filter(r -> r.origin() instanceof Origin.Duplicate d && d.errors().contains(Corruption.MARRIED_NAME)
                        && maidenOf.containsKey(d.of()) && !d.errors().contains(Corruption.TYPO)
                        && !d.errors().contains(Corruption.TRANSPOSITION))
                .toList();
        assertThat(married).isNotEmpty().allSatisfy(r -> assertThat(r.demographics().family())
                .isEqualTo(maidenOf.get(((Origin.Duplicate) r.origin()).of())));
    }

    @Test
    void twinsShareBirthDateFamilyAndHomeButAreOtherPeople() {
        List<DuplicateGenerator.Row> rows = new DuplicateGenerator(pool(), 11, 0.10, 0.20).generate(2_000);
        Map<String, DuplicateGenerator.Row> byId = rows.stream()
                .collect(Collectors.toMap(r -> r.demographics().id(), Function.identity()));

        List<DuplicateGenerator.Row> twins = rows.stream().filter(r -> r.origin() instanceof Origin.Twin).toList();
        assertThat(twins).hasSizeGreaterThan(100).allSatisfy(twin -> {
            Demographics sibling = byId.get(((Origin.Twin) twin.origin()).of()).demographics();
            Demographics d = twin.demographics();
            assertThat(twin.person()).isNotEqualTo(byId.get(sibling.id()).person());
            assertThat(d.given()).isNotEqualToIgnoringCase(sibling.given());
            assertThat(List.of(d.family(), d.birthDate(), d.addressLine(), d.postalCode(), d.phone()))
                    .isEqualTo(List.of(sibling.family(), sibling.birthDate(), sibling.addressLine(),
                            sibling.postalCode(), sibling.phone()));
        });
    }

    @Test
    void theSyntheaPatientsComeFirstAsTheyAreAndTheRestAreRecombinedFromThem() {
        SyntheaPeople people = pool();
        List<DuplicateGenerator.Row> rows = new DuplicateGenerator(people, 1, 0, 0).generate(people.patients().size() * 2);

        assertThat(rows.stream().map(DuplicateGenerator.Row::demographics).toList()).containsAll(
                people.patients().stream().map(PeopleSource.BasePerson::demographics).toList());
        assertThat(people.describe()).isEqualTo(String.format("%,d Synthea patients read from test pool; %,d of them "
                + "used as they are, %,d more people recombined from their fields", 300, 300, 300));
        var givenNames = people.patients().stream().map(p -> p.demographics().given()).collect(Collectors.toSet());
        assertThat(rows).allSatisfy(r -> assertThat(givenNames).contains(r.demographics().given()));
    }

    /**
     * A stand-in for a Synthea run: 300 people from the name lists, the married women among them
     * with a maiden name (as Synthea writes them).
     */
    private static SyntheaPeople pool() {
        NameListPeople names = new NameListPeople();
        SplittableRandom random = new SplittableRandom(99);
        List<PeopleSource.BasePerson> people = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            Demographics d = names.next("S" + i, random).demographics();
            boolean married = d.sex() == Sex.FEMALE && random.nextBoolean();
            people.add(new PeopleSource.BasePerson(d, married ? names.family(random) : null));
        }
        return new SyntheaPeople(people, "test pool");
    }

    private static Demographics withoutId(DuplicateGenerator.Row row) {
        Demographics d = row.demographics();
        return new Demographics("", d.given(), d.family(), d.birthDate(), d.sex(), d.addressLine(), d.city(), d.state(),
                d.postalCode(), d.phone(), d.ssn());
    }
}
