package org.custodian.interop.hl7v2;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.custodian.record.Practitioner;
import org.custodian.record.PractitionerRepository;
import org.springframework.stereotype.Component;

/**
 * A practitioner named in an XCN field (PV1-7 attending, PV1-8 referring, PV1-17 admitting): known
 * by ID number (XCN.1) within its assigning authority (XCN.9, else the sending facility MSH-4). An NPI (authority or
 * identifier type NPI) is the practitioner's NPI, shared with the FHIR door; any other authority's
 * number gets an id derived from authority and number, so the same doctor resolves to the same
 * practitioner in every message. A practitioner not known yet is added from XCN.2 and XCN.3.
 */
@Component
class PractitionerResolver {
    private static final Set<String> NPI = Set.of("NPI", "2.16.840.1.113883.4.6", "US-NPI");

    private final PractitionerRepository practitioners;

    PractitionerResolver(PractitionerRepository practitioners) {
        this.practitioners = practitioners;
    }

    /** The practitioner in the field's first repetition; null when the field is empty. */
    UUID resolve(Fields segment, int field, String role, InboundMessage message) {
        if (segment.get(field, 0, 1, 1) == null && segment.get(field, 0, 2, 1) == null && segment.get(field, 0, 3, 1) == null) {
            return null;
        }
        String number = segment.get(field, 0, 1, 1);
        if (number == null) {
            throw new Hl7Rejection(ErrorCode.REQUIRED_FIELD_MISSING, segment.at(field, 1),
                    role + name(segment, field) + " has no ID number; send it in component 1 with its assigning authority in component 9");
        }
        if (number.length() > 64 || number.codePoints().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
            throw new Hl7Rejection(ErrorCode.DATA_TYPE, segment.at(field, 1),
                    "'" + MshHeader.printable(number) + "' is not a practitioner ID number (at most 64 characters, no spaces)");
        }
        String authority = authority(segment, field, message);
        String family = segment.get(field, 0, 2, 1);
        String given = segment.get(field, 0, 3, 1);
        if (NPI.contains(authority)) {
            if (!number.matches("\\d{10}")) {
                throw new Hl7Rejection(ErrorCode.DATA_TYPE, segment.at(field, 1),
                        "'" + number + "' is not an NPI (10 digits) although the assigning authority is " + authority);
            }
            var known = practitioners.byNpi(number);
            if (known.isPresent()) {
                return known.get().id();
            }
            UUID id = UUID.nameUUIDFromBytes(("hl7/practitioner/NPI/" + number).getBytes(StandardCharsets.UTF_8));
            return practitioners.ensure(newPractitioner(id, number, given, family, segment, field, role)).id();
        }
        UUID id = UUID.nameUUIDFromBytes(("hl7/practitioner/" + authority + "/" + number).getBytes(StandardCharsets.UTF_8));
        if (practitioners.find(id).isPresent()) {
            return id;
        }
        return practitioners.ensure(newPractitioner(id, null, given, family, segment, field, role)).id();
    }

    private static String authority(Fields segment, int field, InboundMessage message) {
        String authority = segment.get(field, 0, 9, 1);
        if (authority == null && "NPI".equalsIgnoreCase(segment.get(field, 0, 13, 1))) {
            authority = "NPI";
        }
        if (authority == null) {
            authority = message.header().sendingFacility();
        }
        if (authority == null) {
            throw new Hl7Rejection(ErrorCode.REQUIRED_FIELD_MISSING, segment.at(field, 9),
                    "the assigning authority of the ID number (or the sending facility, MSH-4) is required");
        }
        return authority.trim().toUpperCase(Locale.ROOT);
    }

    private static Practitioner newPractitioner(UUID id, String npi, String given, String family, Fields segment,
                                                int field, String role) {
        if (family == null) {
            throw new Hl7Rejection(ErrorCode.REQUIRED_FIELD_MISSING, segment.at(field, 2), role + " "
                    + segment.get(field, 0, 1, 1) + " is not known yet; the family name is required to register them");
        }
        return new Practitioner(id, npi, given, family);
    }

    private static String name(Fields segment, int field) {
        String family = segment.get(field, 0, 2, 1);
        String given = segment.get(field, 0, 3, 1);
        return family == null ? "" : " '" + (given == null ? family : given + " " + family) + "'";
    }
}
