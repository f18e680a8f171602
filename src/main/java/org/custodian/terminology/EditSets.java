package org.custodian.terminology;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The loaded edit files and, built on first use, their lists and tabular notes; dropped when a file
 * is loaded so the next call sees it.
 */
@Component
class EditSets {
    private final EditFileRepository repository;
    private final Map<Long, EditLists> lists = new ConcurrentHashMap<>();
    private final Map<Long, TabularNotes> tabulars = new ConcurrentHashMap<>();
    private volatile List<EditFile> files;

    EditSets(EditFileRepository repository) {
        this.repository = repository;
    }

    List<EditFile> files() {
        List<EditFile> known = files;
        if (known == null) {
            known = repository.files();
            files = known;
        }
        return known;
    }

    void invalidate() {
        files = null;
        lists.clear();
        tabulars.clear();
    }

    /**
     * The file of a kind for a date of service: the one in force (the latest start among those covering
     * the date), else the newest that started before it, since a rule list stays the best evidence until
     * its successor is loaded; callers name the version they used.
     */
    Optional<EditFile> forDate(EditFileKind kind, LocalDate date) {
        Comparator<EditFile> byStart = Comparator.comparing(EditFile::effectiveFrom);
        List<EditFile> ofKind = files().stream().filter(f -> f.kind() == kind).toList();
        Optional<EditFile> inForce = ofKind.stream().filter(f -> f.covers(date)).max(byStart);
        return inForce.isPresent() ? inForce : ofKind.stream().filter(f -> !f.effectiveFrom().isAfter(date)).max(byStart);
    }

    /** The newest file of a kind that started on or before the date and holds the list (sex conflicts left the MCE). */
    Optional<EditLists> withList(EditFileKind kind, EditList list, LocalDate date) {
        return files().stream().filter(f -> f.kind() == kind && !f.effectiveFrom().isAfter(date)
                        && f.counts().containsKey(list.name()))
                .max(Comparator.comparing(EditFile::effectiveFrom)).map(this::lists);
    }

    EditLists lists(EditFile file) {
        return lists.computeIfAbsent(file.id(), id -> new EditLists(file, repository.entries(file)));
    }

    List<EditEntry> entries(EditFile file) {
        return repository.entries(file);
    }

    TabularNotes tabular(EditFile file) {
        return tabulars.computeIfAbsent(file.id(), id -> new TabularNotes(file.version(), repository.entries(file)));
    }
}
