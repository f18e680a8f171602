package org.custodian.mpi;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Links the pairs a scan is certain of: each through {@link PatientMerges}, the path a reviewer's
 * merge takes (audited on both patients, shown under recent merges, undone by unmerge). A pair a
 * person already decided (not a duplicate, or deferred) is left alone, and so is a pair that would
 * join records a person kept apart; a merge the MPI refuses stays in the queue for a person.
 * The survivor is the record that already holds merged records, else the one registered first.
 */
@Service
class AutoLinker {
    private final PatientMerges merges;
    private final ReviewTaskRepository tasks;
    private final IndexReader index;

    AutoLinker(PatientMerges merges, ReviewTaskRepository tasks, IndexReader index) {
        this.merges = merges;
        this.tasks = tasks;
        this.index = index;
    }

    /** A pair decided auto-link. */
    record CertainPair(UUID a, UUID b, double weight, int pattern) {
    }

    /** Merges made, pairs left for a person, and pairs skipped because a person had decided them. */
    record Outcome(long linked, long leftForReview, long decidedBefore) {
    }

    Outcome link(Collection<CertainPair> pairs, Actor actor) {
        return link(pairs, actor, "SCAN");
    }

    /** Links the pairs; {@code source} names the door on the review tasks proposed (SCAN, REALTIME, HL7, FHIR). */
    Outcome link(Collection<CertainPair> pairs, Actor actor, String source) {
        if (pairs.isEmpty()) {
            return new Outcome(0, 0, 0);
        }
        Set<UUID> ids = new LinkedHashSet<>();
        pairs.forEach(p -> {
            ids.add(p.a());
            ids.add(p.b());
        });
        Map<UUID, IndexReader.Registration> registrations = index.registrations(ids);
        Map<Set<UUID>, ReviewStatus> decided = tasks.decisionsAmong(ids);
        Groups groups = new Groups();
        long linked = 0;
        long left = 0;
        long skipped = 0;
        List<CertainPair> strongestFirst = new ArrayList<>(pairs);
        strongestFirst.sort(Comparator.comparingDouble(CertainPair::weight).reversed());
        for (CertainPair pair : strongestFirst) {
            UUID rootA = groups.root(pair.a());
            UUID rootB = groups.root(pair.b());
            if (rootA.equals(rootB)) {
                continue;
            }
            if (keptApart(groups.members(rootA), groups.members(rootB), decided)) {
                skipped++;
                continue;
            }
            UUID survivor = survivor(rootA, rootB, registrations);
            UUID retired = survivor.equals(rootA) ? rootB : rootA;
            tasks.propose(pair.a(), pair.b(), pair.weight(), pair.pattern(), new MatchDecision.AutoLink(), source);
            try {
                merges.merge(survivor, retired, MergeSource.AUTO_LINK, actor);
                groups.join(survivor, retired);
                linked++;
            } catch (MergeRefused refused) {
                left++; // the task proposed above stays open for a person
            }
        }
        return new Outcome(linked, left, skipped);
    }

    /** Whether a person decided any pair across the two groups: their word stands over the weight. */
    private static boolean keptApart(Set<UUID> x, Set<UUID> y, Map<Set<UUID>, ReviewStatus> decided) {
        for (UUID a : x) {
            for (UUID b : y) {
                ReviewStatus status = decided.get(Set.of(a, b));
                if (status == ReviewStatus.NOT_DUPLICATE || status == ReviewStatus.DEFERRED) {
                    return true;
                }
            }
        }
        return false;
    }

    private static UUID survivor(UUID a, UUID b, Map<UUID, IndexReader.Registration> registrations) {
        IndexReader.Registration ra = registrations.get(a);
        IndexReader.Registration rb = registrations.get(b);
        if (ra.holdsMerged() != rb.holdsMerged()) {
            return ra.holdsMerged() ? a : b;
        }
        int order = Comparator.comparing(IndexReader.Registration::receivedAt, Comparator.nullsLast(Instant::compareTo))
                .compare(ra, rb);
        if (order != 0) {
            return order < 0 ? a : b;
        }
        return a.toString().compareTo(b.toString()) <= 0 ? a : b;
    }

    /** Records linked so far in this run, each group under the record that survives. */
    private static final class Groups {
        private final Map<UUID, UUID> rootOf = new HashMap<>();
        private final Map<UUID, Set<UUID>> members = new HashMap<>();

        UUID root(UUID id) {
            return rootOf.getOrDefault(id, id);
        }

        Set<UUID> members(UUID root) {
            return members.getOrDefault(root, Set.of(root));
        }

        void join(UUID survivor, UUID retired) {
            Set<UUID> joined = new HashSet<>(members(survivor));
            joined.addAll(members(retired));
            members.remove(retired);
            members.put(survivor, joined);
            joined.forEach(id -> rootOf.put(id, survivor));
        }
    }
}
