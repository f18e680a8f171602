package org.custodian.record;

/**
 * How much of a long record a chart view carries. The recent view keeps the page quick for the
 * patients with hundreds of visits; the full view is one click away.
 */
public enum ChartScope {
    RECENT(15, 15, 25, 15),
    FULL(100_000, 100_000, 5_000, 2_000);

    final int encounters;
    final int procedures;
    final int observations;
    final int documents;

    ChartScope(int encounters, int procedures, int observations, int documents) {
        this.encounters = encounters;
        this.procedures = procedures;
        this.observations = observations;
        this.documents = documents;
    }
}
