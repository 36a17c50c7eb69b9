package kz.qorgau.infra.drill;

import org.junit.jupiter.api.Test;

import java.io.EOFException;
import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

/** What a user is said to have met when her connection broke: the client's innermost reason, nothing of the request. */
class SimulatedUserTest {

    @Test
    void aBrokenConnectionIsNamedByItsInnermostCause() {
        IOException wrapped = new IOException("fixed content-length: 80000, bytes received: 100",
                new IOException("connection closed locally"));
        assertThat(SimulatedUser.why(wrapped)).isEqualTo("IOException: connection closed locally");
        assertThat(SimulatedUser.why(new EOFException("EOF reached while reading"))).isEqualTo("EOFException: EOF reached while reading");
        assertThat(SimulatedUser.why(new EOFException())).isEqualTo("EOFException");
    }
}
