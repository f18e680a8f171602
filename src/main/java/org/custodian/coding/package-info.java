/**
 * Coding: turning the documentation of an encounter into ICD-10-CM, ICD-10-PCS and HCPCS codes.
 * The workflow: the queue of discharged encounters awaiting coding ({@link org.custodian.coding.CodingQueue}),
 * the coding of one encounter with live edits against the release in force, finalising with a clean
 * edit check or a documented override ({@link org.custodian.coding.CodingWork}), physician queries,
 * coding audits and the productivity and accuracy figures. Computer-assisted coding is
 * {@link org.custodian.coding.CodeSuggester}: it reads notes and proposes codes, each with its
 * evidence (document and text span) and a confidence; its matching lives in {@code suggest}.
 * Every read of the record goes through {@code privacy} and every change is audited.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Coding",
        allowedDependencies = {"terminology", "record", "privacy"})
package org.custodian.coding;
