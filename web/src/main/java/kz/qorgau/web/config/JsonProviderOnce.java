package kz.qorgau.web.config;

import jakarta.json.JsonException;
import jakarta.json.spi.JsonProvider;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

import java.util.logging.Logger;

/**
 * JSON-P looks its provider up with a {@code ServiceLoader} scan of the class path at every {@code Json.createReader}
 * and {@code createObjectBuilder} unless the system property {@code jakarta.json.provider} names it; Payara's MP-JWT
 * check does so several times per API request (a sixth of the application server's CPU in the mixed load). The
 * provider found at start is named there, and kept only if JSON-P can load it by that name, else the scan stays.
 */
@WebListener
public class JsonProviderOnce implements ServletContextListener {

    static final String PROPERTY = "jakarta.json.provider";
    private static final Logger LOG = Logger.getLogger(JsonProviderOnce.class.getName());

    @Override
    public void contextInitialized(ServletContextEvent event) {
        if (System.getProperty(PROPERTY) != null) {
            return; // named by whoever started the server
        }
        String found = JsonProvider.provider().getClass().getName();
        System.setProperty(PROPERTY, found);
        try {
            if (!JsonProvider.provider().getClass().getName().equals(found)) {
                throw new JsonException("another provider by name");
            }
        } catch (JsonException notLoadableByName) {
            System.clearProperty(PROPERTY);
            LOG.info("JSON-P cannot load its provider by name here; it keeps looking it up per call");
        }
    }
}
