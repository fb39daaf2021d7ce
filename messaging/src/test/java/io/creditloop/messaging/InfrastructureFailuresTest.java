package io.creditloop.messaging;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.transaction.CannotCreateTransactionException;

import java.sql.SQLTransientConnectionException;

import static org.assertj.core.api.Assertions.assertThat;

class InfrastructureFailuresTest {

    @Test
    @DisplayName("a database outage, however wrapped, is infrastructure: the message waits instead of going to the DLT")
    void outagesAreInfrastructure() {
        assertThat(InfrastructureFailures.isInfrastructure(new ListenerExecutionFailedException("listener",
                new CannotCreateTransactionException("no connection",
                        new SQLTransientConnectionException("pool exhausted"))))).isTrue();
        assertThat(InfrastructureFailures.isInfrastructure(
                new DataAccessResourceFailureException("terminating connection due to administrator command"))).isTrue();
    }

    @Test
    @DisplayName("a failure of the message itself is not infrastructure")
    void messageFailuresAreNot() {
        assertThat(InfrastructureFailures.isInfrastructure(new PoisonMessageException("not JSON"))).isFalse();
        assertThat(InfrastructureFailures.isInfrastructure(new DuplicateKeyException("dup"))).isFalse();
        assertThat(InfrastructureFailures.isInfrastructure(new IllegalStateException("bug"))).isFalse();
    }
}
