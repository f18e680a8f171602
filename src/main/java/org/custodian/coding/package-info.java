/**
 * Coding: turning the documentation of an encounter into ICD-10-CM codes. Computer-assisted coding
 * is {@link org.custodian.coding.CodeSuggester}: it reads notes and proposes codes, each with its
 * evidence (document and text span) and a confidence; its matching lives in {@code suggest}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Coding",
        allowedDependencies = {"terminology", "record", "privacy"})
package org.custodian.coding;
