package org.custodian.interop.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.PreconditionFailedException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.custodian.privacy.CustodianUser;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleEntryComponent;
import org.hl7.fhir.r4.model.Bundle.BundleType;
import org.hl7.fhir.r4.model.Bundle.HTTPVerb;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Transaction and batch bundles of any shape (not only Synthea's): POST (with {@code ifNoneExist})
 * and PUT (by id or conditional) of the resources the record takes. Entries may refer to each other
 * by {@code urn:uuid:} fullUrls and to the record by conditional references
 * ({@code Patient?identifier=…}). A transaction is validated whole, then written in one database
 * transaction, patients first, then encounters, then the rest: all of it or nothing. A batch writes
 * each entry on its own and answers for each.
 */
@Component
final class GeneralBundles {
    private static final List<String> ORDER = List.of("Patient", "Encounter");

    private final FhirContext fhir;
    private final IncomingResources incoming;
    private final PatientLinks links;
    private final ResourceCreates creates;
    private final ResourceUpdates updates;
    private final ConditionalMatch matches;
    private final WriteAccess access;
    private final TransactionTemplate tx;

    GeneralBundles(FhirContext fhir, IncomingResources incoming, PatientLinks links, ResourceCreates creates,
                   ResourceUpdates updates, ConditionalMatch matches, WriteAccess access, TransactionTemplate tx) {
        this.fhir = fhir;
        this.incoming = incoming;
        this.links = links;
        this.creates = creates;
        this.updates = updates;
        this.matches = matches;
        this.access = access;
        this.tx = tx;
    }

    /** A planned entry: what to do, to which id. */
    private record Step(int index, BundleEntryComponent entry, Resource resource, UUID id, Action action,
                        String expectedVersion, PatientIdentity.Link link) {
        Step(int index, BundleEntryComponent entry, Resource resource, UUID id, Action action, String expectedVersion) {
            this(index, entry, resource, id, action, expectedVersion, null);
        }
    }

    private enum Action { CREATE, UPDATE, MATCHED, LINKED }

    Bundle parse(Path spool) {
        try (Reader reader = Files.newBufferedReader(spool, StandardCharsets.UTF_8)) {
            return fhir.newJsonParser().parseResource(Bundle.class, reader);
        } catch (DataFormatException | IOException e) {
            throw new InvalidRequestException("the bundle is not valid FHIR JSON: " + e.getMessage());
        }
    }

    Bundle transaction(Bundle bundle) {
        CustodianUser user = access.writer("Bundle");
        List<EntryValidator.Problem> problems = new ArrayList<>();
        for (int i = 0; i < bundle.getEntry().size(); i++) {
            problems.addAll(entryProblems(i, bundle.getEntry().get(i)));
        }
        if (!problems.isEmpty()) {
            throw FhirErrors.unprocessable(problems);
        }
        return tx.execute(status -> {
            Map<String, String> local = new HashMap<>();
            List<Step> steps = new ArrayList<>();
            for (int i = 0; i < bundle.getEntry().size(); i++) {
                Step step = plan(user, i, bundle.getEntry().get(i));
                steps.add(step);
                String fullUrl = step.entry().getFullUrl();
                if (fullUrl != null && !fullUrl.isBlank()) {
                    local.put(fullUrl, step.resource().fhirType() + "/" + step.id());
                }
            }
            Bundle response = new Bundle().setType(BundleType.TRANSACTIONRESPONSE);
            steps.forEach(s -> response.addEntry());
            steps.stream().sorted(Comparator.comparingInt(GeneralBundles::rank)).forEach(step -> {
                resolveReferences(step, local);
                fill(response.getEntry().get(step.index()), write(user, step));
            });
            return response;
        });
    }

    Bundle batch(Bundle bundle) {
        CustodianUser user = access.writer("Bundle");
        Bundle response = new Bundle().setType(BundleType.BATCHRESPONSE);
        for (int i = 0; i < bundle.getEntry().size(); i++) {
            BundleEntryComponent answer = response.addEntry();
            int index = i;
            try {
                List<EntryValidator.Problem> problems = entryProblems(i, bundle.getEntry().get(i));
                if (!problems.isEmpty()) {
                    throw FhirErrors.unprocessable(problems);
                }
                fill(answer, tx.execute(status -> {
                    Step step = plan(user, index, bundle.getEntry().get(index));
                    resolveReferences(step, Map.of());
                    return write(user, step);
                }));
            } catch (BaseServerResponseException e) {
                answer.getResponse().setStatus(e.getStatusCode() + " " + reason(e.getStatusCode())).setOutcome(
                        e.getOperationOutcome() instanceof OperationOutcome outcome ? outcome
                                : FhirErrors.outcome(OperationOutcome.IssueType.PROCESSING, null, e.getMessage()));
            }
        }
        return response;
    }

    private List<EntryValidator.Problem> entryProblems(int index, BundleEntryComponent entry) {
        String prefix = "Bundle.entry[" + index + "]";
        if (!(entry.getResource() instanceof Resource resource)) {
            return List.of(new EntryValidator.Problem(prefix + ".resource", "is required"));
        }
        HTTPVerb method = entry.getRequest().getMethod();
        if (method != HTTPVerb.POST && method != HTTPVerb.PUT) {
            return List.of(new EntryValidator.Problem(prefix + ".request.method",
                    "the record takes POST and PUT in bundles, not " + (method == null ? "nothing" : method.toCode())));
        }
        return incoming.problems(resource).stream()
                .map(p -> new EntryValidator.Problem(located(index, resource.fhirType(), p.where()), p.message()))
                .toList();
    }

    /** What the entry will do; a new Patient the MPI certainly knows already is linked to that patient. */
    private Step plan(CustodianUser user, int index, BundleEntryComponent entry) {
        Resource resource = entry.getResource();
        String type = resource.fhirType();
        Bundle.BundleEntryRequestComponent request = entry.getRequest();
        try {
            if (request.getMethod() == HTTPVerb.POST) {
                if (request.hasIfNoneExist()) {
                    Optional<UUID> existing = matches.find(type, request.getIfNoneExist());
                    if (existing.isPresent()) {
                        return new Step(index, entry, resource, existing.get(), Action.MATCHED, null);
                    }
                }
                if (type.equals("Patient")) {
                    var link = links.certainMatch(user, incoming.json(resource));
                    if (link.isPresent()) {
                        return new Step(index, entry, resource, link.get().patientId(), Action.LINKED, null, link.get());
                    }
                }
                return new Step(index, entry, resource, UUID.randomUUID(), Action.CREATE, null);
            }
            String url = request.getUrl() == null ? "" : request.getUrl();
            if (url.contains("?")) {
                Optional<UUID> existing = matches.find(type, url);
                return existing.map(id -> new Step(index, entry, resource, id, Action.UPDATE, request.getIfMatch()))
                        .orElseGet(() -> new Step(index, entry, resource, UUID.randomUUID(), Action.CREATE, null));
            }
            UUID id = FhirIds.parse(url.substring(url.indexOf('/') + 1));
            if (id == null || !url.startsWith(type + "/")) {
                throw FhirErrors.unprocessable("request.url", "must be " + type + "/<id> of a resource in the record"
                        + " (or a conditional " + type + "?…), not '" + url + "'");
            }
            return new Step(index, entry, resource, id, Action.UPDATE, version(request.getIfMatch()));
        } catch (BaseServerResponseException e) {
            throw inEntry(index, type, e);
        }
    }

    /** urn:uuid fullUrls of this bundle become the ids they were given; conditional references are looked up. */
    private void resolveReferences(Step step, Map<String, String> local) {
        for (Reference reference : fhir.newTerser().getAllPopulatedChildElementsOfType(step.resource(), Reference.class)) {
            String target = reference.getReference();
            if (target == null) {
                continue;
            }
            if (local.containsKey(target)) {
                reference.setReference(local.get(target));
            } else if (target.contains("?")) {
                String type = target.substring(0, target.indexOf('?'));
                UUID id = matches.find(type, target).orElseThrow(() -> inEntry(step.index(), step.resource().fhirType(),
                        new PreconditionFailedException("the conditional reference " + target + " matches nothing")));
                reference.setReference(type + "/" + id);
            } else if (target.startsWith("urn:uuid:")) {
                throw inEntry(step.index(), step.resource().fhirType(), FhirErrors.unprocessable(null,
                        "the reference " + target + " names no entry of this bundle"));
            }
        }
    }

    private ResourceWrites.Written write(CustodianUser user, Step step) {
        String type = step.resource().fhirType();
        String source = "Bundle entry " + step.index() + " by " + user.getUsername();
        try {
            return switch (step.action()) {
                case MATCHED -> {
                    if (type.equals("Patient")) {
                        // the match is only told to someone who may write to that patient's record
                        access.requirePatient(user, org.custodian.privacy.AuditAction.CREATE, step.id(), type);
                    }
                    yield new ResourceWrites.Written(type, step.id(), 0, false);
                }
                case CREATE -> creates.create(user, incoming.json(step.resource()), step.id(), source);
                case LINKED -> links.link(user, incoming.json(step.resource()), step.link(), source);
                case UPDATE -> updates.update(user, incoming.json(step.resource().setIdElement(
                        new org.hl7.fhir.r4.model.IdType(type, step.id().toString()))), step.id(),
                        step.expectedVersion(), source);
            };
        } catch (BaseServerResponseException e) {
            throw inEntry(step.index(), type, e);
        }
    }

    private static void fill(BundleEntryComponent answer, ResourceWrites.Written written) {
        String location = written.type() + "/" + written.id() + (written.version() > 0
                ? "/_history/" + written.version() : "");
        answer.getResponse().setStatus(written.created() ? "201 Created" : "200 OK").setLocation(location);
        if (written.note() != null) {
            OperationOutcome information = FhirErrors.outcome(OperationOutcome.IssueType.INFORMATIONAL, null,
                    written.note());
            information.getIssueFirstRep().setSeverity(OperationOutcome.IssueSeverity.INFORMATION);
            answer.getResponse().setOutcome(information);
        }
    }

    private static String reason(int status) {
        var reason = org.springframework.http.HttpStatus.resolve(status);
        return reason == null ? "" : reason.getReasonPhrase();
    }

    private static int rank(Step step) {
        int rank = ORDER.indexOf(step.resource().fhirType());
        return rank < 0 ? ORDER.size() : rank;
    }

    private static String version(String ifMatch) {
        return ifMatch == null ? null : ifMatch.replaceAll("^W/", "").replace("\"", "");
    }

    /** "Condition.subject" in entry 2 is "Bundle.entry[2].resource.subject". */
    static String located(int index, String type, String where) {
        String prefix = "Bundle.entry[" + index + "].resource";
        if (where == null || where.isBlank() || where.equals(type)) {
            return prefix;
        }
        if (where.startsWith(type + ".")) {
            return prefix + where.substring(type.length());
        }
        return where.startsWith("Bundle") ? where : "Bundle.entry[" + index + "]." + where;
    }

    /** The same failure, its element paths located in the entry. */
    private static BaseServerResponseException inEntry(int index, String type, BaseServerResponseException e) {
        if (e.getOperationOutcome() instanceof OperationOutcome outcome) {
            for (var issue : outcome.getIssue()) {
                List<String> where = issue.getExpression().stream().map(s -> located(index, type, s.getValue())).toList();
                issue.getExpression().clear();
                issue.getLocation().clear();
                where.forEach(w -> {
                    issue.addExpression(w);
                    issue.addLocation(w);
                });
                if (where.isEmpty()) {
                    issue.addExpression(located(index, type, null));
                }
            }
        } else {
            e.setOperationOutcome(FhirErrors.outcome(OperationOutcome.IssueType.PROCESSING, located(index, type, null),
                    e.getMessage()));
        }
        return e;
    }
}
