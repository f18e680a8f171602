/**
 * Official code sets by release: loaders for the CDC/CMS files (ICD-10-CM and ICD-10-PCS order
 * files, HCPCS Level II) and for the files that hold coding rules (ICD-10-CM tabular XML, order
 * addenda, POA-exempt list, Medicare Code Editor definitions), in-memory search, and validation
 * against the release in force on a date of service. The API is
 * {@link org.custodian.terminology.Terminology} (load, search, validate one code) and
 * {@link org.custodian.terminology.CodingEdits} (the edits of a whole encounter), with the values they return.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"platform"})
package org.custodian.terminology;
