package org.custodian.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.custodian.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Completed publications older than the kept week go; recent and incomplete ones stay. */
@IntegrationTest
class CompletedPublicationsPurgeTest {
    @Autowired
    CompletedPublicationsPurge purge;
    @Autowired
    JdbcClient jdbc;

    @Test
    void onlyPublicationsCompletedLongerAgoThanTheKeptWeekAreDeleted() {
        String listener = "test.purge." + UUID.randomUUID();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        UUID oldCompleted = publication(listener, now.minusDays(9), now.minusDays(8));
        UUID recentCompleted = publication(listener, now.minusDays(2), now.minusHours(1));
        UUID oldIncomplete = publication(listener, now.minusDays(30), null);

        purge.purge();

        List<UUID> left = jdbc.sql("SELECT id FROM event_publication WHERE listener_id = :l")
                .param("l", listener).query(UUID.class).list();
        assertThat(left).containsExactlyInAnyOrder(recentCompleted, oldIncomplete).doesNotContain(oldCompleted);
    }

    @Test
    void aNegativeKeepingTimeIsRefusedByName() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new CompletedPublicationsPurge(null, Duration.ofDays(-1)))
                .hasMessageContaining("custodian.events.keep-completed");
    }

    private UUID publication(String listener, OffsetDateTime published, OffsetDateTime completed) {
        UUID id = UUID.randomUUID();
        jdbc.sql("INSERT INTO event_publication (id, listener_id, event_type, serialized_event, publication_date,"
                        + " completion_date, status, completion_attempts) VALUES (:id, :l, 'test.Event', '{}', :p, :c,"
                        + " :s, 1)")
                .param("id", id).param("l", listener).param("p", published).param("c", completed)
                .param("s", completed == null ? "PUBLISHED" : "COMPLETED").update();
        return id;
    }
}
