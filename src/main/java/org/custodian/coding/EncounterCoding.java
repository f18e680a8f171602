package org.custodian.coding;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.custodian.record.ClinicalDocument;
import org.custodian.record.Encounter;
import org.custodian.record.Patient;

/**
 * What the coding screen shows of one encounter: whose it is, its documents (entered-in-error ones
 * left out), the codes of the pass being worked, the failing edits, the physician queries and the case.
 * Documents whose sensitivity labels (their own or the encounter's) keep the coder out are not among
 * {@code documents}: {@code withheld} says how many and why, so neither the screen nor the suggestions quote them.
 */
public record EncounterCoding(Encounter encounter, Patient patient, String facilityName, LocalDate dateOfService,
                              List<ClinicalDocument> documents, CodingPass pass, List<CodedLine> lines,
                              List<CodingEdit> edits, List<PhysicianQuery> queries, CodingStatus status,
                              String assignee, String payer, Instant codedAt, String codedBy, String overrideReason, Withheld withheld) {
    public EncounterCoding {
        documents = List.copyOf(documents);
        lines = List.copyOf(lines);
        edits = List.copyOf(edits);
        queries = List.copyOf(queries);
    }

    /** Documents of the encounter kept from this user by sensitivity labels, and the policy's reasons in words. */
    public record Withheld(int documents, List<String> because) {
        public static final Withheld NONE = new Withheld(0, List.of());

        public Withheld {
            because = List.copyOf(because);
        }
    }

    public List<CodedLine> diagnoses() {
        return lines.stream().filter(l -> l.kind() == CodedLine.Kind.DIAGNOSIS).toList();
    }

    public List<CodedLine> procedures() {
        return lines.stream().filter(l -> l.kind() == CodedLine.Kind.PROCEDURE).toList();
    }

    public boolean clean() {
        return edits.isEmpty();
    }

    /** Whether the screen may change codes: the primary coding until coded, an audit until completed. */
    public boolean editable() {
        return pass == CodingPass.PRIMARY ? status.editable() : status == CodingStatus.CODED;
    }
}
