package org.custodian.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The ASCII fast path of name folding gives what the general Unicode path gives. */
class NameFoldingTest {

    @Test
    void foldsNamesAsMatchingNeedsThem() {
        assertThat(NameFolding.fold("  O'Brien-Smith,  Jr. ")).isEqualTo("o brien smith jr");
        assertThat(NameFolding.fold("José Núñez")).isEqualTo("jose nunez");
        assertThat(NameFolding.fold("ZOË\tMÜLLER")).isEqualTo("zoe muller");
        assertThat(NameFolding.fold("mary ann")).isEqualTo("mary ann");
        assertThat(NameFolding.fold("")).isEmpty();
        assertThat(NameFolding.fold(null)).isEmpty();
        assertThat(NameFolding.fold("--")).isEmpty();
    }

    @Test
    void theFastPathAgreesWithTheUnicodePathOnNamesOfEveryKind() {
        List<String> names = List.of("William", "mcdonald", "McDONALD", "O'Neil", "de la Cruz", "Smith  Jones",
                " leading", "trailing ", "a", "A", "Z9", "123 Main St.", "Anne-Marie", "x\ty\nz", "~!@#$%^&*()",
                "Ærøskøbing", "Łukasz", "İstanbul", "Straße", "Nguyễn", "Đặng", "李小龙", "Ωmega", "e\u0301e",
                "𝒜bc", "ﬁnn", "Ⅻ", "١٢٣", "Ｆｕｌｌ");
        for (String name : names) {
            assertThat(NameFolding.fold(name)).as(name).isEqualTo(NameFolding.foldUnicode(name));
        }
        String alphabet = "aZ09 -'.,\t/AaéÉß İı\u0301漢";
        SplittableRandom random = new SplittableRandom(1);
        for (int n = 0; n < 20_000; n++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(12);
            boolean ascii = random.nextBoolean();
            for (int i = 0; i < length; i++) {
                text.append(alphabet.charAt(random.nextInt(ascii ? 11 : alphabet.length())));
            }
            String name = text.toString();
            assertThat(NameFolding.fold(name)).as("'%s'", name).isEqualTo(NameFolding.foldUnicode(name));
        }
    }
}
