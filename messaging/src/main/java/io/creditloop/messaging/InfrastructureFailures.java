package io.creditloop.messaging;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;

import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;

/**
 * Failures of the infrastructure under a handler (the database restarting, a connection lost) rather than of the
 * message. Such a message is good: it is retried until the infrastructure is back, never dead-lettered, so a
 * PostgreSQL restart loses nothing; the partition waits, which keeps each subject's events in order.
 */
public final class InfrastructureFailures {

    private InfrastructureFailures() {
    }

    public static boolean isInfrastructure(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof TransientDataAccessException || cause instanceof DataAccessResourceFailureException
                    || cause instanceof RecoverableDataAccessException
                    || cause instanceof CannotCreateTransactionException || cause instanceof SQLTransientException
                    || cause instanceof SQLRecoverableException) {
                return true;
            }
        }
        return false;
    }
}
