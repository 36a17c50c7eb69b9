package kz.qorgau.web.security;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Filter;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import java.util.regex.Pattern;

/**
 * A clustered node writes each session into the Data Grid, and Payara's web container logs every attribute it cannot
 * serialise, with the session's id, on every request: "Cannot serialize session attribute … for session 3f2a…". A
 * session id in a log is a key to that session for whoever reads the log. Soteria's OpenID context is such an
 * attribute by design (its tokens stay on their node, see TokensStayOnTheirNode), so that warning is said once per
 * node and then left out; any other attribute's warning is kept, without the session's id.
 */
@WebListener
public class SessionIdsStayOutOfLogs implements ServletContextListener {

    /** Where Payara's StandardSession logs. */
    static final String WEB_CONTAINER = "jakarta.enterprise.web.core";
    private static final Logger LOG = Logger.getLogger(SessionIdsStayOutOfLogs.class.getName());
    private static final Pattern SESSION_ID = Pattern.compile("(for session )\\S+");

    // held here: the log manager keeps loggers only weakly, and a logger made anew would have lost the filter
    private Logger container;
    private Filter before;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        container = Logger.getLogger(WEB_CONTAINER);
        before = container.getFilter();
        container.setFilter(new Unserialisable(before));
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        if (container != null && container.getFilter() instanceof Unserialisable) {
            container.setFilter(before);
        }
    }

    /** Drops the expected warning about Soteria's context after saying it once; takes the session id out of others. */
    static final class Unserialisable implements Filter {
        private final Filter next;
        private final AtomicBoolean told = new AtomicBoolean();
        private final SimpleFormatter formatter = new SimpleFormatter();

        Unserialisable(Filter next) {
            this.next = next;
        }

        @Override
        public boolean isLoggable(LogRecord record) {
            if (next != null && !next.isLoggable(record)) {
                return false;
            }
            String text = formatter.formatMessage(record);
            if (text == null || !text.contains("Cannot serialize session attribute")) {
                return true;
            }
            if (text.contains("org.glassfish.soteria.mechanisms.openid")) {
                if (told.compareAndSet(false, true)) {
                    LOG.info("Soteria's OpenID Connect context is not replicated to the other nodes (its tokens do not"
                            + " serialise); a session that moves goes on with the sign-in it kept. Said once per node.");
                }
                return false;
            }
            record.setMessage(SESSION_ID.matcher(text).replaceAll("$1(id withheld)"));
            record.setParameters(null);
            record.setResourceBundle(null);
            return true;
        }
    }
}
