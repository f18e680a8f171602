package org.custodian.mpi;

import java.util.List;
import org.custodian.mpi.matching.CandidatePairs;
import org.custodian.mpi.matching.Comparisons;
import org.custodian.mpi.matching.Linker;
import org.custodian.mpi.matching.MatchModel;
import org.custodian.mpi.matching.ModelTrainer;
import org.custodian.mpi.matching.Nicknames;
import org.custodian.mpi.matching.Prepared;
import org.custodian.mpi.matching.Preparer;

/**
 * The model for data too small to learn from (a new installation, a short file): estimated by the
 * same EM on a seeded generated population with known error rates, never set by hand. Built once.
 */
final class BootstrapModel {
    /** Below this many records EM has too few pairs to learn from. */
    static final int MIN_TRAINING_RECORDS = 1_000;
    private static final long SEED = 20261124L;
    private static final int RECORDS = 4_000;
    private static volatile MatchModel model;

    private BootstrapModel() {
    }

    static MatchModel get() {
        MatchModel current = model;
        if (current == null) {
            synchronized (BootstrapModel.class) {
                if (model == null) {
                    Preparer preparer = Preparer.standard();
                    List<Prepared> generated = new DuplicateGenerator(SEED, 0.10, 0.01).generate(RECORDS).stream()
                            .map(row -> preparer.prepare(row.demographics())).toList();
                    model = new ModelTrainer(new Comparisons(Nicknames.standard()), 100_000, SEED)
                            .train(generated, CandidatePairs.of(generated), Linker.TRAINING_PAIRS);
                }
                current = model;
            }
        }
        return current;
    }
}
