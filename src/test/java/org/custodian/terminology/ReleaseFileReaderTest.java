package org.custodian.terminology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.custodian.terminology.ReleaseFiles.orderLine;
import static org.custodian.terminology.ReleaseFiles.smallCm;
import static org.custodian.terminology.ReleaseFiles.write;
import static org.custodian.terminology.ReleaseFiles.writeBytes;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import org.custodian.terminology.ReleaseFileException.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReleaseFileReaderTest {
    @TempDir
    Path dir;

    @Test
    void anOrderFileMakesAFiscalYearReleaseOfCodesWithoutDots() {
        ParsedRelease release = (ParsedRelease) ReleaseFileReader.read(write(dir, "icd10cm_order_2026.txt", smallCm()));
        assertThat(release.system()).isEqualTo(CodeSystem.ICD10CM);
        assertThat(release.version()).isEqualTo("FY2026");
        assertThat(release.effectiveFrom()).isEqualTo(LocalDate.of(2025, 10, 1));
        assertThat(release.effectiveTo()).isEqualTo(LocalDate.of(2026, 9, 30));
        assertThat(release.codes()).extracting(MedicalCode::code).containsExactly("A00", "A000", "A001", "A009");
        assertThat(release.codes().getFirst().billable()).isFalse();
        assertThat(release.codes().get(1).longDescription()).isEqualTo("Cholera due to Vibrio cholerae 01, biovar cholerae");
        assertThat(release.billableCount()).isEqualTo(3);
    }

    @Test
    void aFileCutOffMidLineIsTruncated() {
        String text = String.join("\r\n", smallCm());
        Path file = writeBytes(dir, "icd10cm_order_2026.txt", text.substring(0, text.length() - 10).getBytes(StandardCharsets.US_ASCII));
        assertThatThrownBy(() -> ReleaseFileReader.read(file))
                .isInstanceOfSatisfying(ReleaseFileException.class, e -> {
                    assertThat(e.problem()).isEqualTo(Problem.TRUNCATED);
                    assertThat(e.line()).isEqualTo(4);
                })
                .hasMessageStartingWith("icd10cm_order_2026.txt line 4: ").hasMessageContaining("truncated");
    }

    @Test
    void aMissingLineInTheMiddleBreaksTheOrderNumbers() {
        String[] lines = smallCm();
        Path file = write(dir, "icd10cm_order_2026.txt", lines[0], lines[1], lines[3]);
        assertThatThrownBy(() -> ReleaseFileReader.read(file)).hasMessage(
                "icd10cm_order_2026.txt line 3: order number 00004 follows 2: lines are missing or out of order");
    }

    @Test
    void aBadCodeOrFlagNamesFileLineAndCode() {
        String[] lines = smallCm();
        lines[2] = orderLine(3, "A0$1", true, "Cholera due to Vibrio cholerae 01, biovar eltor");
        assertThatThrownBy(() -> ReleaseFileReader.read(write(dir, "icd10cm_order_2026.txt", lines)))
                .hasMessage("icd10cm_order_2026.txt line 3: code 'A0$1' is not a valid ICD-10-CM code");
        lines[2] = orderLine(3, "A001", true, "x").replaceFirst(" 1 ", " Y ");
        assertThatThrownBy(() -> ReleaseFileReader.read(write(dir, "icd10cm_order_2026.txt", lines)))
                .hasMessageContaining("line 3: billable flag 'Y' for code 'A001' must be 0 (header) or 1");
    }

    @Test
    void aCodeListedTwiceIsRefused() {
        String[] lines = Arrays.copyOf(smallCm(), 5);
        lines[4] = orderLine(5, "A001", true, "Again");
        assertThatThrownBy(() -> ReleaseFileReader.read(write(dir, "icd10cm_order_2026.txt", lines)))
                .isInstanceOfSatisfying(ReleaseFileException.class, e -> assertThat(e.problem()).isEqualTo(Problem.DUPLICATE_CODE))
                .hasMessage("icd10cm_order_2026.txt line 5: code 'A001' is listed twice (first on line 3)");
    }

    @Test
    void aFileReEncodedAsUtf16IsRefusedAsSuch() {
        byte[] utf16 = (String.join("\r\n", smallCm()) + "\r\n").getBytes(StandardCharsets.UTF_16LE);
        byte[] withBom = new byte[utf16.length + 2];
        withBom[0] = (byte) 0xFF;
        withBom[1] = (byte) 0xFE;
        System.arraycopy(utf16, 0, withBom, 2, utf16.length);
        assertThatThrownBy(() -> ReleaseFileReader.read(writeBytes(dir, "icd10cm_order_2026.txt", withBom)))
                .isInstanceOfSatisfying(ReleaseFileException.class, e -> assertThat(e.problem()).isEqualTo(Problem.ENCODING))
                .hasMessageContaining("UTF-16");
        assertThatThrownBy(() -> ReleaseFileReader.read(writeBytes(dir, "icd10cm_order_2026.txt", utf16)))
                .hasMessageContaining("NUL byte");
    }

    @Test
    void aFileReEncodedToWindows1252NamesTheLineOfTheFirstStrangeByte() {
        String[] lines = smallCm();
        lines[3] = orderLine(4, "A009", true, "Cholera, unspecified \u2013 caf\u00e9");
        byte[] bytes = (String.join("\r\n", lines) + "\r\n").getBytes(java.nio.charset.Charset.forName("windows-1252"));
        assertThatThrownBy(() -> ReleaseFileReader.read(writeBytes(dir, "icd10cm_order_2026.txt", bytes)))
                .isInstanceOfSatisfying(ReleaseFileException.class, e -> {
                    assertThat(e.problem()).isEqualTo(Problem.ENCODING);
                    assertThat(e.line()).isEqualTo(4);
                })
                .hasMessageContaining("not UTF-8");
    }

    @Test
    void filesOfTheWrongKindSayWhatTheyAre() {
        Path notAddenda = write(dir, "icd10cm_order_addenda_2026.txt", "Codes added this year:", "B8801");
        assertThatThrownBy(() -> ReleaseFileReader.read(notAddenda))
                .isInstanceOfSatisfying(ReleaseFileException.class, e -> assertThat(e.problem()).isEqualTo(Problem.WRONG_KIND))
                .hasMessageContaining("named like addenda, but the first line is not an 'Add:'");
        Path pcsAsCm = write(dir, "icd10cm_order_2026.txt", orderLine(1, "001", false, "Central Nervous System, Bypass"));
        assertThatThrownBy(() -> ReleaseFileReader.read(pcsAsCm))
                .hasMessageStartingWith("icd10cm_order_2026.txt line 1: named like an ICD-10-CM order file, but its first"
                        + " line is ICD-10-PCS content");
        Path hcpcsAsCm = write(dir, "icd10cm_order_2025.txt", "HCPC,SEQNUM,RECID,LONG DESCRIPTION");
        assertThatThrownBy(() -> ReleaseFileReader.read(hcpcsAsCm)).hasMessageContaining("HCPCS Level II content");
    }

    @Test
    void anOrderFileUnderAnotherNameTakesItsYearFromAFiscalYearFolder() {
        ParsedRelease release = (ParsedRelease) ReleaseFileReader.read(write(dir.resolve("fy2025"), "codes.txt", smallCm()));
        assertThat(release.system()).isEqualTo(CodeSystem.ICD10CM);
        assertThat(release.version()).isEqualTo("FY2025");
    }

    @Test
    void anOrderFileInAnAprilFolderIsTheAprilUpdateOfItsFiscalYear() {
        ParsedRelease release = (ParsedRelease) ReleaseFileReader.read(write(dir.resolve("fy2024-apr"), "icd10cm_order_2024.txt", smallCm()));
        assertThat(release.version()).isEqualTo("FY2024-APR");
        assertThat(release.effectiveFrom()).isEqualTo(LocalDate.of(2024, 4, 1));
        assertThat(release.effectiveTo()).isEqualTo(LocalDate.of(2024, 9, 30));
    }

    @Test
    void hcpcsRowsKeepModifiersQuotedCommasAndTerminationDates() {
        String header = "HCPC,SEQNUM,RECID,LONG DESCRIPTION,SHORT DESCRIPTION" + ",X".repeat(39) + ",ADD DT,ACT EFF DT,TERM DT,ACTION CD";
        String modifier = "   AM,0010,7,\"Physician, team member service\",\"Physician, team member svc\"" + ",".repeat(39)
                + ",19910101,19970101,,N";
        String code = "A0021,0010,3,\"Ambulance service, outside state per mile, transport (\"\"Medicaid only\"\")\",Outside state ambulance serv"
                + ",".repeat(39) + ",19950101,20000101,20251231,N";
        ParsedRelease release = (ParsedRelease) ReleaseFileReader.read(writeBytes(dir, "HCPC2025_OCT_ANWEB.csv",
                (header + "\n" + modifier + "\n" + code + "\n").getBytes(StandardCharsets.UTF_8)));
        assertThat(release.version()).isEqualTo("2025-10");
        assertThat(release.effectiveTo()).isEqualTo(LocalDate.of(2025, 12, 31));
        assertThat(release.codes()).extracting(MedicalCode::code).containsExactly("AM", "A0021");
        MedicalCode ambulance = release.codes().get(1);
        assertThat(ambulance.longDescription()).isEqualTo("Ambulance service, outside state per mile, transport (\"Medicaid only\")");
        assertThat(ambulance.validTo()).isEqualTo(LocalDate.of(2025, 12, 31));
        assertThat(ambulance.inEffectOn(LocalDate.of(2026, 1, 1))).isFalse();
        Path cut = writeBytes(dir, "HCPC2025_OCT_ANWEB.csv", (header + "\n" + code.substring(0, 60) + "\n").getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> ReleaseFileReader.read(cut)).hasMessageStartingWith("HCPC2025_OCT_ANWEB.csv line 2: ");
    }

    @Test
    void theOfficialFilesParseWithTheirPublishedCounts() {
        ParsedRelease cm = (ParsedRelease) ReleaseFileReader.read(ReleaseFiles.official(ReleaseFiles.CM_2026));
        assertThat(cm.codes()).hasSize(98_186);
        assertThat(cm.billableCount()).isEqualTo(74_719);
        ParsedRelease pcs = (ParsedRelease) ReleaseFileReader.read(ReleaseFiles.official(ReleaseFiles.PCS_2026));
        assertThat(pcs.codes()).hasSize(80_029);
        assertThat(pcs.billableCount()).isEqualTo(79_115);
        ParsedRelease hcpcs = (ParsedRelease) ReleaseFileReader.read(ReleaseFiles.official(ReleaseFiles.HCPCS_2025_10));
        assertThat(hcpcs.codes()).hasSize(8_846);
        assertThat(hcpcs.codes()).filteredOn(c -> c.code().length() == 2).hasSize(383);
    }
}
