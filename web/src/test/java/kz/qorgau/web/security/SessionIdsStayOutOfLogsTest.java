package kz.qorgau.web.security;

import org.junit.jupiter.api.Test;

import java.util.ListResourceBundle;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import static org.assertj.core.api.Assertions.assertThat;

/** The web container's warnings about session attributes it cannot replicate, as a clustered node logs them. */
class SessionIdsStayOutOfLogsTest {

    private static final String SOTERIA = "WELD_S#WELD%ManagedBean%root_ROOT.war.bda|org.glassfish.soteria.mechanisms.openid.domain.OpenIdContextImpl|0";

    /** Payara's message, by its key and with its parameters, as StandardSession logs it. */
    private static LogRecord byKey(String attribute, String session) {
        LogRecord record = new LogRecord(Level.WARNING, "AS-WEB-CORE-00395");
        record.setResourceBundle(new ListResourceBundle() {
            @Override
            protected Object[][] getContents() {
                return new Object[][]{{"AS-WEB-CORE-00395", " Cannot serialize session attribute {0} for session {1}"}};
            }
        });
        record.setParameters(new Object[]{attribute, session});
        return record;
    }

    @Test
    void soteriasContextIsToldOnceAndNeverWithASessionId() {
        SessionIdsStayOutOfLogs.Unserialisable filter = new SessionIdsStayOutOfLogs.Unserialisable(null);
        assertThat(filter.isLoggable(byKey(SOTERIA, "b8d289d488e939cb5759e4fb98b6"))).isFalse();
        assertThat(filter.isLoggable(new LogRecord(Level.WARNING,
                "StandardSession: Cannot serialize session attribute " + SOTERIA + " for session b8d33b5919fc4fa6dff3865472f4"))).isFalse();
    }

    @Test
    void anyOtherAttributeIsStillReportedButWithoutTheSessionId() {
        SessionIdsStayOutOfLogs.Unserialisable filter = new SessionIdsStayOutOfLogs.Unserialisable(null);
        LogRecord other = byKey("someBean", "b8d289d488e939cb5759e4fb98b6");
        assertThat(filter.isLoggable(other)).isTrue();
        assertThat(other.getMessage()).contains("Cannot serialize session attribute someBean")
                .contains("for session (id withheld)").doesNotContain("b8d289d488e939cb5759e4fb98b6");
        assertThat(other.getParameters()).isNull();
    }

    @Test
    void everythingElsePassesAsItWasAndAFilterBeforeStillDecides() {
        SessionIdsStayOutOfLogs.Unserialisable filter = new SessionIdsStayOutOfLogs.Unserialisable(null);
        LogRecord unrelated = new LogRecord(Level.WARNING, "Something else for session {0}");
        unrelated.setParameters(new Object[]{"x"});
        assertThat(filter.isLoggable(unrelated)).isTrue();
        assertThat(unrelated.getMessage()).isEqualTo("Something else for session {0}");

        SessionIdsStayOutOfLogs.Unserialisable refusing = new SessionIdsStayOutOfLogs.Unserialisable(r -> false);
        assertThat(refusing.isLoggable(new LogRecord(Level.WARNING, "anything"))).isFalse();
    }
}
