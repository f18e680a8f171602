package org.custodian.terminology;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.custodian.terminology.ReleaseFileException.Problem;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads release files: each file is read and checked whole, then stored in one transaction, so a
 * bad file leaves the database as it was. A folder loads every release file in it, oldest first.
 */
@Component
class ReleaseLoader {
    private static final int EXAMPLES = 10;

    private final ReleaseRepository repository;
    private final EditFileRepository editFiles;
    private final TransactionTemplate transactions;

    ReleaseLoader(ReleaseRepository repository, EditFileRepository editFiles, PlatformTransactionManager transactionManager) {
        this.repository = repository;
        this.editFiles = editFiles;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /** The release files a path names: the file itself, or the release files anywhere under a folder. */
    static List<Path> releaseFiles(Path path) {
        if (!Files.isDirectory(path)) {
            if (!Files.exists(path)) {
                throw new ReleaseFileException(Problem.UNREADABLE, path.toString(), 0, "no such file or folder");
            }
            return List.of(path);
        }
        try (Stream<Path> files = Files.walk(path)) {
            List<Path> found = files.filter(Files::isRegularFile)
                    .filter(f -> ReleaseFileKind.isReleaseFileName(f.getFileName().toString()))
                    .sorted(Comparator.comparing((Path f) -> f.getFileName().toString().toLowerCase(Locale.ROOT))
                            .thenComparing(f -> ReleaseFileKind.isAprilFolder(f.getParent())))
                    .toList();
            if (found.isEmpty()) {
                throw new ReleaseFileException(Problem.WRONG_KIND, path.toString(), 0, "the folder holds no release file"
                        + " (icd10cm_order_YYYY.txt, icd10pcs_order_YYYY.txt, HCPCYYYY_MMM_ANWEB.csv, icd10cm_tabular_YYYY.xml,"
                        + " icd10cm_order_addenda_YYYY.txt, POAexemptCodesFYyy.txt, Definitions of Medicare Code Edits)");
            }
            return found;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    LoadOutcome load(Path file, LoadListener listener) {
        long start = System.nanoTime();
        return switch (ReleaseFileReader.read(file)) {
            case ParsedRelease release -> store(release, listener, start);
            case ParsedEditFile edits -> store(edits, listener, start);
        };
    }

    private LoadOutcome store(ParsedEditFile parsed, LoadListener listener, long start) {
        int size = parsed.entries().size();
        listener.progress(parsed.sourceFile(), 0, size);
        return transactions.execute(tx -> {
            repository.lockForLoad();
            Optional<EditFile> loaded = editFiles.find(parsed.kind(), parsed.version());
            if (loaded.isPresent() && loaded.get().sha256().equals(parsed.sha256())) {
                listener.progress(parsed.sourceFile(), size, size);
                return new LoadOutcome.EditsAlreadyLoaded(loaded.get());
            }
            loaded.ifPresent(other -> {
                throw new ReleaseFileException(Problem.CONFLICTING_RELEASE, parsed.sourceFile(), 0, other.label()
                        + " is already loaded from " + other.sourceFile() + " (sha256 " + other.sha256().substring(0, 12)
                        + "...) and this file differs; a loaded file is never replaced");
            });
            EditFile stored = editFiles.insert(parsed, listener);
            return new LoadOutcome.EditsLoaded(stored, (System.nanoTime() - start) / 1_000_000);
        });
    }

    private LoadOutcome store(ParsedRelease parsed, LoadListener listener, long start) {
        listener.progress(parsed.sourceFile(), 0, parsed.codes().size());
        return transactions.execute(tx -> {
            repository.lockForLoad();
            Optional<Release> loaded = repository.find(parsed.system(), parsed.effectiveFrom());
            if (loaded.isPresent() && loaded.get().sha256().equals(parsed.sha256())) {
                listener.progress(parsed.sourceFile(), parsed.codes().size(), parsed.codes().size());
                return new LoadOutcome.AlreadyLoaded(loaded.get());
            }
            loaded.ifPresent(other -> {
                throw new ReleaseFileException(Problem.CONFLICTING_RELEASE, parsed.sourceFile(), 0, other.label()
                        + " is already loaded from " + other.sourceFile() + " (sha256 " + other.sha256().substring(0, 12)
                        + "...) and this file differs; a loaded release is never replaced");
            });
            Release release = repository.insert(parsed, listener);
            Optional<ReleaseChanges> changes = repository.previous(parsed.system(), parsed.effectiveFrom())
                    .map(previous -> changes(previous, release));
            return new LoadOutcome.Loaded(release, changes, (System.nanoTime() - start) / 1_000_000);
        });
    }

    private ReleaseChanges changes(Release previous, Release current) {
        List<String> added = repository.codesMissingFrom(current.id(), previous.id());
        List<String> deleted = repository.codesMissingFrom(previous.id(), current.id());
        List<String> revised = repository.revisedCodes(previous.id(), current.id());
        return new ReleaseChanges(previous, added.size(), deleted.size(), revised.size(),
                examples(current.system(), added), examples(current.system(), deleted), examples(current.system(), revised));
    }

    private static List<String> examples(CodeSystem system, List<String> codes) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < Math.min(EXAMPLES, codes.size()); i++) {
            out.add(system.display(codes.get(i)));
        }
        return out;
    }
}
