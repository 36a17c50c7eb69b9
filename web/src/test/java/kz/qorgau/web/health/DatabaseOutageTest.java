package kz.qorgau.web.health;

import jakarta.el.ELException;
import jakarta.faces.FacesException;
import jakarta.transaction.RollbackException;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionalException;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

/** Which failures a user is told are the database's, not a fault of the application, as the drill met them. */
class DatabaseOutageTest {

    /** A case page whose commit (its audit row) broke off as the primary shut down, wrapped as Faces wraps it. */
    private static Throwable commitCutOnAPage() {
        return new FacesException(new ELException(new TransactionalException("commit", new SystemException())));
    }

    @Test
    void aCommitThatBrokeOffIsTheDatabaseGoingAwayWhateverWrapsIt() {
        assertThat(DatabaseOutage.commitBrokenOff(commitCutOnAPage())).isTrue();
        assertThat(DatabaseOutage.commitBrokenOff(new TransactionalException("commit", new SystemException()))).isTrue();
        // no cause is kept below the transaction manager's exception, so the connection failure alone would miss it
        assertThat(DatabaseOutage.causedBy(commitCutOnAPage())).isFalse();
    }

    @Test
    void aRollbackOrAConnectionRefusedIsNotACommitThatBrokeOff() {
        assertThat(DatabaseOutage.commitBrokenOff(new TransactionalException("rolled back", new RollbackException()))).isFalse();
        SQLException refused = new SQLException("Connection refused", "08001");
        assertThat(DatabaseOutage.commitBrokenOff(new FacesException(refused))).isFalse();
        assertThat(DatabaseOutage.causedBy(new FacesException(refused))).isTrue();
        assertThat(DatabaseOutage.commitBrokenOff(new IllegalStateException("a bug"))).isFalse();
    }

    @Test
    void aServerShuttingDownOrStartingIsUnreachable() {
        assertThat(DatabaseOutage.causedBy(new SQLException("the database system is shutting down", "57P03"))).isTrue();
        assertThat(DatabaseOutage.causedBy(new SQLException("terminating connection due to administrator command", "57P01"))).isTrue();
        assertThat(DatabaseOutage.causedBy(new SQLException("duplicate key", "23505"))).isFalse();
    }
}
