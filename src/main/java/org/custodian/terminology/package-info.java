/**
 * Official code sets by release: loaders for the CDC/CMS files (ICD-10-CM and ICD-10-PCS order
 * files, HCPCS Level II), in-memory search and validation against the release in force on a date
 * of service. The API is {@link org.custodian.terminology.Terminology} and the values it returns.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"platform"})
package org.custodian.terminology;
