/**
 * The legal health record: facilities, patients and their medical record numbers, encounters,
 * diagnoses, procedures, observations and clinical documents with their versions. Every fact keeps
 * its {@link org.custodian.record.Provenance}; documents are never overwritten.
 * <p>This module depends on no other Custodian module. Access decisions and auditing are made by
 * callers through {@code privacy}.
 */
package org.custodian.record;
