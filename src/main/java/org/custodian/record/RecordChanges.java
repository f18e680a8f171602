package org.custodian.record;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Announces which patients' records changed. Inside a transaction the patients are collected and
 * published as one {@link RecordChanged} just before commit, however many writes the transaction
 * made: a feed that commits two hundred messages together costs its listeners one refresh of two
 * hundred patients, not two hundred refreshes of one. Outside a transaction it publishes at once.
 * A patient named by a write that a savepoint later undid is still announced; listeners re-derive
 * from what is committed, so an extra name costs a little work and never a wrong result.
 */
@Component
public class RecordChanges {
    private final ApplicationEventPublisher events;

    public RecordChanges(ApplicationEventPublisher events) {
        this.events = events;
    }

    public void changed(UUID patientId) {
        changed(Set.of(patientId));
    }

    public void changed(Collection<UUID> patientIds) {
        if (patientIds.isEmpty()) {
            return;
        }
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            events.publishEvent(new RecordChanged(Set.copyOf(patientIds)));
            return;
        }
        collectedInThisTransaction().patientIds.addAll(patientIds);
    }

    /** Synchronizations belong to one transaction (an inner REQUIRES_NEW one gets its own list). */
    private Collected collectedInThisTransaction() {
        for (TransactionSynchronization s : TransactionSynchronizationManager.getSynchronizations()) {
            if (s instanceof Collected c && c.owner() == this) {
                return c;
            }
        }
        Collected collected = new Collected();
        TransactionSynchronizationManager.registerSynchronization(collected);
        return collected;
    }

    private final class Collected implements TransactionSynchronization {
        private final Set<UUID> patientIds = new LinkedHashSet<>();

        @Override
        public void beforeCommit(boolean readOnly) {
            if (!patientIds.isEmpty()) {
                events.publishEvent(new RecordChanged(patientIds));
                patientIds.clear();
            }
        }

        private RecordChanges owner() {
            return RecordChanges.this;
        }
    }
}
