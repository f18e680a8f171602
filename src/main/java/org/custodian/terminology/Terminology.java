package org.custodian.terminology;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * The terminology API: load official release files, list releases, search codes and validate them
 * against the release in force on a date of service.
 */
@Service
public class Terminology {
    private final ReleaseLoader loader;
    private final ReleaseIndexes indexes;
    private final CodeValidator validator;
    private final EditSets edits;

    Terminology(ReleaseLoader loader, ReleaseIndexes indexes, CodeValidator validator, EditSets edits) {
        this.loader = loader;
        this.indexes = indexes;
        this.validator = validator;
        this.edits = edits;
    }

    /** Release files a path names (itself, or those under a folder), in the order {@link #load} takes them. */
    public List<Path> releaseFiles(Path fileOrFolder) {
        return ReleaseLoader.releaseFiles(fileOrFolder);
    }

    /**
     * Loads one release or edit file, or every such file under a folder; a file's kind is told from its content. Each file is its own
     * transaction: a failure throws {@link ReleaseFileException} and leaves earlier files loaded.
     */
    public List<LoadOutcome> load(Path fileOrFolder, LoadListener listener) {
        List<LoadOutcome> outcomes = new ArrayList<>();
        try {
            for (Path file : releaseFiles(fileOrFolder)) {
                outcomes.add(loader.load(file, listener));
            }
        } finally {
            indexes.invalidate();
            edits.invalidate();
        }
        return outcomes;
    }

    public List<LoadOutcome> load(Path fileOrFolder) {
        return load(fileOrFolder, LoadListener.NONE);
    }

    /** Every loaded edit file (tabular list, addenda, POA-exempt list, MCE), by kind and start date. */
    public List<EditFile> editFiles() {
        return edits.files();
    }

    /** Every loaded release, by system and start date. */
    public List<Release> releases() {
        return indexes.releases();
    }

    /**
     * Codes matching words (any order, one typo allowed in words of five letters or more) or a code
     * (prefix), best first, from the release of each system in force on the query's date (or the latest).
     */
    public List<SearchHit> search(SearchQuery query) {
        List<SearchHit> hits = new ArrayList<>();
        for (CodeSystem system : CodeSystem.values()) {
            if (query.system().isEmpty() || query.system().get() == system) {
                indexes.release(system, query.date()).ifPresent(release ->
                        hits.addAll(indexes.index(release).search(query.text(), query.date().orElse(null), query.limit())));
            }
        }
        hits.sort(SearchHit.RANKING);
        return hits.size() > query.limit() ? List.copyOf(hits.subList(0, query.limit())) : hits;
    }

    /**
     * Checks a code as typed (dots, case and spaces do not matter) against the release in force on the
     * date of service, or the latest release without a date; in one system or whichever it belongs to.
     */
    public CodeValidation validate(String code, Optional<LocalDate> dateOfService, Optional<CodeSystem> system) {
        return validator.validate(code, dateOfService, system);
    }

    public CodeValidation validate(String code, LocalDate dateOfService) {
        return validate(code, Optional.of(dateOfService), Optional.empty());
    }

    /** The release of a system in force on the date of service, or the latest release without a date. */
    public Optional<Release> release(CodeSystem system, Optional<LocalDate> dateOfService) {
        return indexes.release(system, dateOfService);
    }

    /**
     * The tabular list's other names for codes (inclusion terms, Excludes pointers) from the tabular in
     * force on the date of service, else the newest loaded before it; empty when none is loaded.
     */
    public TabularTerms tabularTerms(LocalDate dateOfService) {
        return edits.forDate(EditFileKind.TABULAR, dateOfService)
                .map(file -> new TabularTerms(file.version(), CodeTerm.of(edits.entries(file))))
                .orElse(TabularTerms.NONE);
    }

    /** Every code of a loaded release (billable and headers), in code order. */
    public List<MedicalCode> codes(Release release) {
        return indexes.codes(release).all();
    }
}
