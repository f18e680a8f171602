package org.custodian.terminology;

import static org.custodian.terminology.ReleaseFiles.SHARED;

import java.nio.file.Path;

/** The official edit files in ../shared/terminology and hand-made files in their layouts. */
final class EditFiles {
    static final Path TABULAR_2021 = SHARED.resolve("icd10cm/fy2021-jan/icd10cm_tabular_2021.xml");
    static final Path MCE_43_1 = SHARED.resolve("mce/v43.1/Definitions_of_Medicare_Code_Edits_v_43_1.txt");
    static final Path MCE_37_TABLE = SHARED.resolve("mce/v37-fy2020-derived/MCE_Simple_Code_Edits_v37.txt");
    static final Path POA_EXEMPT_2026 = SHARED.resolve("poa-exempt/fy2026/POAexemptCodesFY26.txt");
    static final Path POA_EXEMPT_ADD_2026 = SHARED.resolve("poa-exempt/fy2026/POAexemptAddCodesFY26.txt");
    static final Path CM_ADDENDA_2026 = SHARED.resolve("icd10cm/fy2026/icd10cm_order_addenda_2026.txt");
    static final Path PCS_ADDENDA_2026 = SHARED.resolve("icd10pcs/fy2026/icd10pcs_order_addenda_2026.txt");

    private EditFiles() {
    }

    /** A tabular list of year {@code year}: E10/E11 with their Excludes1, S72 with 7th characters, G01 code first. */
    static String tabular(int year) {
        return """
                <?xml version="1.0" encoding="utf-8"?>
                <ICD10CM.tabular>
                  <version>%d</version>
                  <chapter>
                    <name>4</name>
                    <desc>Endocrine, nutritional and metabolic diseases (E00-E89)</desc>
                    <excludes2>
                      <note>transitory endocrine and metabolic disorders specific to newborn (P70-P74)</note>
                    </excludes2>
                    <section id="E08-E13">
                      <desc>Diabetes mellitus (E08-E13)</desc>
                      <diag>
                        <name>E10</name>
                        <desc>Type 1 diabetes mellitus</desc>
                        <excludes1>
                          <note>type 2 diabetes mellitus (E11.-)</note>
                        </excludes1>
                        <diag>
                          <name>E10.9</name>
                          <desc>Type 1 diabetes mellitus without complications</desc>
                        </diag>
                      </diag>
                      <diag>
                        <name>E11</name>
                        <desc>Type 2 diabetes mellitus</desc>
                        <inclusionTerm>
                          <note>diabetes (mellitus) NOS</note>
                        </inclusionTerm>
                        <useAdditionalCode>
                          <note>code to identify control using insulin (Z79.4)</note>
                        </useAdditionalCode>
                        <diag>
                          <name>E11.9</name>
                          <desc>Type 2 diabetes mellitus without complications</desc>
                        </diag>
                      </diag>
                    </section>
                  </chapter>
                  <chapter>
                    <name>6</name>
                    <desc>Diseases of the nervous system (G00-G99)</desc>
                    <excludes1>
                      <note>certain conditions originating in the perinatal period (P04-P96)</note>
                    </excludes1>
                    <section id="G00-G09">
                      <desc>Inflammatory diseases of the central nervous system (G00-G09)</desc>
                      <diag>
                        <name>G01</name>
                        <desc>Meningitis in bacterial diseases classified elsewhere</desc>
                        <codeFirst>
                          <note>underlying disease</note>
                        </codeFirst>
                      </diag>
                    </section>
                  </chapter>
                  <chapter>
                    <name>19</name>
                    <desc>Injury, poisoning and certain other consequences of external causes (S00-T88)</desc>
                    <section id="S70-S79">
                      <desc>Injuries to the hip and thigh (S70-S79)</desc>
                      <diag>
                        <name>S72</name>
                        <desc>Fracture of femur</desc>
                        <sevenChrNote>
                          <note>The appropriate 7th character is to be added to each code from category S72</note>
                        </sevenChrNote>
                        <sevenChrDef>
                          <extension char="A">initial encounter for closed fracture</extension>
                          <extension char="D">subsequent encounter for closed fracture with routine healing</extension>
                          <extension char="S">sequela</extension>
                        </sevenChrDef>
                        <diag>
                          <name>S72.0</name>
                          <desc>Fracture of head and neck of femur</desc>
                          <diag>
                            <name>S72.00</name>
                            <desc>Fracture of unspecified part of neck of femur</desc>
                            <diag>
                              <name>S72.001</name>
                              <desc>Fracture of unspecified part of neck of right femur</desc>
                            </diag>
                          </diag>
                        </diag>
                      </diag>
                    </section>
                  </chapter>
                </ICD10CM.tabular>
                """.formatted(year);
    }
}
