package kz.qorgau.shared.persistence;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import org.flywaydb.core.Flyway;

import javax.sql.DataSource;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Brings the schema up to date with Flyway when the application starts, before anything reads it, then checks
 * that the JPA mappings match it. A failure stops the deployment: better no service than a corrupt one.
 * A startup singleton, because only then are the application's resources bound.
 */
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SchemaMigration {

    private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());

    @Resource(lookup = "java:app/jdbc/qorgau")
    DataSource dataSource;

    @Inject
    SchemaCheck schemaCheck;

    @Inject
    Event<SchemaReady> schemaReady;

    private volatile boolean migrated;

    @PostConstruct
    void migrate() {
        try {
            Flyway flyway = Flyway.configure(SchemaMigration.class.getClassLoader())
                    .dataSource(dataSource)
                    .locations("classpath:db/migration")
                    .load();
            int applied = flyway.migrate().migrationsExecuted;
            String version = flyway.info().current().getVersion().getVersion();
            LOG.info(() -> "Schema at version " + version + " (" + applied + " migrations applied now)");
            schemaCheck.verify();
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Schema migration failed; Qorgau will not start", e);
            throw e;
        }
        migrated = true;
        schemaReady.fire(new SchemaReady());
    }

    public boolean migrated() {
        return migrated;
    }
}
