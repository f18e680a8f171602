package org.custodian.mpi;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Links a patient just registered to the existing patient the MPI is certain of, through the path a
 * reviewer's merge takes ({@link AutoLinker}, then {@link PatientMerges}: audited on both, undone by
 * unmerge). The merge runs once the registering transaction has committed, in a transaction of its
 * own, so whatever the door wrote for the new patient in it (an encounter, an MRN) is re-pointed to
 * the survivor too. A merge that fails leaves the pair's task open in the review queue.
 */
@Service
class EntryLinker {
    private static final Logger LOG = LoggerFactory.getLogger(EntryLinker.class);

    private final AutoLinker linker;
    private final TransactionTemplate ownTransaction;

    EntryLinker(AutoLinker linker, PlatformTransactionManager transactions) {
        this.linker = linker;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    void linkOnceCommitted(AutoLinker.CertainPair pair, String source, Actor actor) {
        Runnable link = () -> {
            try {
                ownTransaction.executeWithoutResult(status -> linker.link(List.of(pair), actor, source));
            } catch (RuntimeException e) {
                LOG.warn("auto-link on entry of patient {} failed; the pair stays in the review queue: {}",
                        pair.a(), e.getMessage());
            }
        };
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    link.run();
                }
            });
        } else {
            link.run();
        }
    }
}
