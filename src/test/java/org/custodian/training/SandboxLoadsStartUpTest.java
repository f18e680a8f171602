package org.custodian.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.UUID;
import org.custodian.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A sandbox load left running by a server that stopped is marked failed when the next server starts. */
@IntegrationTest
class SandboxLoadsStartUpTest {
    @Autowired
    SandboxLoads loads;
    @Autowired
    SandboxLoadRepository repository;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aLoadLeftRunningByTheLastServerIsMarkedFailedAtStartUp() throws Exception {
        loads.failLoadsLeftByAStoppedServer(); // nothing of this server's is running in the test
        UUID cutOff = UUID.randomUUID();
        assertThat(repository.insert(cutOff, "sls.trainer", 5, 42)).isTrue();

        loads.failLoadsLeftByAStoppedServer();

        SandboxLoad load = repository.find(cutOff).orElseThrow();
        assertThat(load.status()).isEqualTo(SandboxLoad.Status.FAILED);
        assertThat(load.problem()).isEqualTo("interrupted: the server stopped during the load");
        assertThat(load.finishedAt()).isNotNull();
        Method onStart = SandboxLoads.class.getDeclaredMethod("failLoadsLeftByAStoppedServer");
        assertThat(onStart.getAnnotation(EventListener.class).value())
                .as("runs when the application is ready, before anyone can start a load")
                .containsExactly(ApplicationReadyEvent.class);
    }
}
