package org.custodian.terminology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.custodian.terminology.ReleaseFiles.official;
import static org.custodian.terminology.ReleaseFiles.write;
import static org.custodian.terminology.ReleaseFiles.writeBytes;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import org.custodian.terminology.ReleaseFileException.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading the edit files (tabular XML, MCE, POA-exempt list, addenda): kinds told by content, counts, bad input. */
class EditFileParsersTest {
    @TempDir
    Path dir;

    @Test
    void theTabularListGivesNotesPerLevelAndSeventhCharactersInheritedDownTheHierarchy() {
        ParsedEditFile tabular = edits(writeBytes(dir, "tabular.xml", EditFiles.tabular(2030).getBytes(StandardCharsets.UTF_8)));
        assertThat(tabular.kind()).isEqualTo(EditFileKind.TABULAR);
        assertThat(tabular.version()).isEqualTo("FY2030");
        assertThat(tabular.effectiveFrom()).isEqualTo(LocalDate.of(2029, 10, 1));
        assertThat(tabular.entries()).contains(
                new EditEntry(EditList.EXCLUDES1, "E10", "type 2 diabetes mellitus (E11.-)", 16),
                new EditEntry(EditList.EXCLUDES2, "E00-E89", "transitory endocrine and metabolic disorders specific to"
                        + " newborn (P70-P74)", 8),
                new EditEntry(EditList.INCLUSION_TERM, "E11", "diabetes (mellitus) NOS", 27),
                new EditEntry(EditList.SEVENTH_CHARACTER, "S72", "A\tinitial encounter for closed fracture", 68));
        TabularNotes notes = new TabularNotes(tabular.version(), tabular.entries());
        assertThat(notes.seventhCharacters("S72001")).hasValueSatisfying(s -> {
            assertThat(s.at()).isEqualTo("S72");
            assertThat(s.meanings()).containsKeys('A', 'D', 'S');
        });
        assertThat(notes.seventhCharacters("S72001A")).isPresent();
        assertThat(notes.seventhCharacters("E119")).isEmpty();
        assertThat(notes.notes(EditList.EXCLUDES1, "E109")).singleElement()
                .satisfies(n -> assertThat(n.refers()).containsExactly(new CodeRange("E11", null)));
        assertThat(notes.notes(EditList.EXCLUDES1, "G01")).singleElement()
                .satisfies(n -> assertThat(n.at()).isEqualTo("G00-G99"));
    }

    @Test
    void noteReferencesReadCodesPrefixesAndRanges() {
        assertThat(CodeRange.in("sepsis following abortion, ectopic or molar pregnancy (O03-O07, O08.0) and (T81.4-)"))
                .containsExactly(new CodeRange("O03", "O07"), new CodeRange("O080", null), new CodeRange("T814", null));
        assertThat(CodeRange.in("vitamin B12 deficiency anemia NOS")).isEmpty();
        assertThat(new CodeRange("O03", "O07").contains("O0381")).isTrue();
        assertThat(new CodeRange("O03", "O07").contains("O08")).isFalse();
        assertThat(new CodeRange("S00", "T88").contains("T8840XA")).isTrue();
    }

    @Test
    void aTruncatedOrReEncodedTabularListIsRefusedWithItsLine() {
        String xml = EditFiles.tabular(2030);
        Path cut = writeBytes(dir, "icd10cm_tabular_2030.xml", xml.substring(0, xml.indexOf("<name>S72.0</name>"))
                .getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> ReleaseFileReader.read(cut))
                .isInstanceOfSatisfying(ReleaseFileException.class, e -> assertThat(e.problem()).isEqualTo(Problem.TRUNCATED))
                .hasMessageStartingWith("icd10cm_tabular_2030.xml line ").hasMessageContaining("looks truncated");
        Path latin1 = writeBytes(dir, "re-encoded.xml", xml.replace("NOS", "NOS caf\u00e9").getBytes(StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> ReleaseFileReader.read(latin1)).hasMessageStartingWith("re-encoded.xml line 27: byte 0xE9 at offset")
                .hasMessageContaining("re-encoded");
        Path other = write(dir, "icd10cm_tabular_2031.xml", "<?xml version=\"1.0\"?>", "<ICD10CM.index>", "</ICD10CM.index>");
        assertThatThrownBy(() -> ReleaseFileReader.read(other))
                .hasMessage("icd10cm_tabular_2031.xml line 2: the XML root is <ICD10CM.index>, not <ICD10CM.tabular>:"
                        + " not an ICD-10-CM tabular list");
    }

    @Test
    void theOfficialTabularListParsesWholly() {
        long start = System.nanoTime();
        ParsedEditFile tabular = edits(official(EditFiles.TABULAR_2021));
        System.out.printf("parse icd10cm_tabular_2021.xml: %d ms, %s%n", (System.nanoTime() - start) / 1_000_000, tabular.counts());
        assertThat(tabular.version()).isEqualTo("FY2021");
        assertThat(tabular.counts()).containsEntry("SEVENTH_CHARACTER", 1787);
        TabularNotes notes = new TabularNotes(tabular.version(), tabular.entries());
        assertThat(notes.seventhCharacters("S72001")).hasValueSatisfying(s -> assertThat(s.at()).isEqualTo("S72"));
        assertThat(notes.notes(EditList.EXCLUDES1, "E119")).anySatisfy(n -> assertThat(n.refers()).contains(new CodeRange("E10", null)));
    }

    @Test
    void theOfficialMceDefinitionsGiveTheEditLists() {
        ParsedEditFile mce = edits(official(EditFiles.MCE_43_1));
        assertThat(mce.kind()).isEqualTo(EditFileKind.MCE);
        assertThat(mce.version()).isEqualTo("v43.1");
        assertThat(mce.effectiveFrom()).isEqualTo(LocalDate.of(2026, 4, 1));
        assertThat(mce.effectiveTo()).isEqualTo(LocalDate.of(2026, 9, 30));
        assertThat(mce.counts()).containsEntry("MANIFESTATION", 422).containsEntry("QUESTIONABLE_ADMISSION", 30)
                .containsEntry("UNSPECIFIED", 3465).containsEntry("WRONG_PROCEDURE", 3).doesNotContainKey("SEX_MALE_DIAGNOSIS");
        int ages = mce.counts().get("AGE_NEWBORN") + mce.counts().get("AGE_PEDIATRIC") + mce.counts().get("AGE_MATERNITY")
                + mce.counts().get("AGE_ADULT");
        assertThat(ages).isEqualTo(3566);
        assertThat(mce.entries()).contains(new EditEntry(EditList.UNACCEPTABLE_PRINCIPAL, "Z5189",
                "*Encounter for other specified aftercare", 6045));
    }

    @Test
    void aTruncatedMceDocumentIsRefused() {
        byte[] bytes = ReleaseFilesBytes.read(official(EditFiles.MCE_43_1));
        Path cut = writeBytes(dir, "mce.txt", Arrays.copyOf(bytes, bytes.length / 2));
        assertThatThrownBy(() -> ReleaseFileReader.read(cut))
                .isInstanceOfSatisfying(ReleaseFileException.class, e -> assertThat(e.problem()).isEqualTo(Problem.TRUNCATED))
                .hasMessageContaining("without 'Chapter 2: Code list changes'");
    }

    @Test
    void theMceTableGivesTheRetiredSexConflictLists() {
        ParsedEditFile mce = edits(official(EditFiles.MCE_37_TABLE));
        assertThat(mce.version()).isEqualTo("v37");
        assertThat(mce.effectiveFrom()).isEqualTo(LocalDate.of(2019, 10, 1));
        assertThat(mce.counts()).containsEntry("SEX_FEMALE_DIAGNOSIS", 3135).containsEntry("SEX_FEMALE_PROCEDURE", 2294)
                .containsEntry("SEX_MALE_DIAGNOSIS", 529).containsEntry("SEX_MALE_PROCEDURE", 1916);
    }

    @Test
    void thePoaExemptListIsReadAndItsChangeListsAreRefused() {
        ParsedEditFile poa = edits(official(EditFiles.POA_EXEMPT_2026));
        assertThat(poa.version()).isEqualTo("FY2026");
        assertThat(poa.entries()).hasSize(38_349);
        assertThat(poa.entries().getFirst()).isEqualTo(new EditEntry(EditList.POA_EXEMPT, "B900",
                "Sequelae of central nervous system tuberculosis", 2));
        assertThatThrownBy(() -> ReleaseFileReader.read(official(EditFiles.POA_EXEMPT_ADD_2026)))
                .isInstanceOfSatisfying(ReleaseFileException.class, e -> assertThat(e.problem()).isEqualTo(Problem.WRONG_KIND))
                .hasMessageContaining("lists only changes to the POA-exempt list");
        Path twice = write(dir, "POAexemptCodesFY30.txt", "Order30\tPOAexemptCode\tDescription", "01238\tB90.0\tSequelae",
                "01239\tb90.0 \tSequelae again");
        assertThatThrownBy(() -> ReleaseFileReader.read(twice))
                .hasMessage("POAexemptCodesFY30.txt line 3: code 'b90.0' is not an ICD-10-CM code");
    }

    @Test
    void theOfficialAddendaListAddedDeletedAndRevisedCodes() {
        ParsedEditFile cm = edits(official(EditFiles.CM_ADDENDA_2026));
        assertThat(cm.kind()).isEqualTo(EditFileKind.CM_ADDENDA);
        assertThat(cm.version()).isEqualTo("FY2026");
        assertThat(cm.counts()).containsEntry("ADDED", 630).containsEntry("DELETED", 28).containsEntry("REVISED_FROM", 45)
                .containsEntry("REVISED_TO", 45);
        ParsedEditFile pcs = edits(official(EditFiles.PCS_ADDENDA_2026));
        assertThat(pcs.kind()).isEqualTo(EditFileKind.PCS_ADDENDA);
        assertThat(pcs.counts()).containsEntry("ADDED", 160);
        Path cut = write(dir, "icd10cm_order_addenda_2030.txt", "Add:         1 B8801   Infestation by Demodex mites");
        assertThatThrownBy(() -> ReleaseFileReader.read(cut)).hasMessageContaining("end without their summary");
    }

    private static ParsedEditFile edits(Path file) {
        return (ParsedEditFile) ReleaseFileReader.read(file);
    }
}
