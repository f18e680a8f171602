package org.custodian.mpi;

import java.time.Instant;
import java.util.UUID;

/** A pair of patient records proposed as one person, waiting for (or past) a reviewer's decision. */
public record ReviewTask(UUID id, UUID patientA, UUID patientB, double weight, int pattern, String decision,
                         String reason, String source, ReviewStatus status, Instant createdAt) {
}
