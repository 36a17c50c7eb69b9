package kz.qorgau.shared.persistence;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;

import javax.sql.DataSource;
import java.util.Map;
import java.util.Optional;
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
    @ConfigProperty(name = "qorgau.db.url")
    String url;

    /** The application's own role; migrations grant it what it needs and no more. */
    @Inject
    @ConfigProperty(name = "qorgau.db.user")
    String appRole;

    /** The schema owner, for migrations only; absent when a deployment runs everything as one role. */
    @Inject
    @ConfigProperty(name = "qorgau.db.migration-user")
    Optional<String> migrationUser;

    @Inject
    @ConfigProperty(name = "qorgau.db.migration-password")
    Optional<String> migrationPassword;

    @Inject
    Event<SchemaReady> schemaReady;

    private volatile boolean migrated;

    @PostConstruct
    void migrate() {
        try {
            var configuration = Flyway.configure(SchemaMigration.class.getClassLoader())
                    .locations("classpath:db/migration")
                    .placeholders(Map.of("appRole", appRole));
            if (migrationUser.isPresent()) {
                configuration.dataSource(withoutErrorDetail(url), migrationUser.get(), migrationPassword.orElse(""));
            } else {
                LOG.warning("No QORGAU_DB_MIGRATION_USER: migrating as the application's own role; "
                        + "give the schema to a separate owner for least privilege");
                configuration.dataSource(dataSource);
            }
            Flyway flyway = configuration.load();
            int applied = flyway.migrate().migrationsExecuted;
            // the grants are a repeatable migration, run last, without a version of its own
            String version = java.util.Arrays.stream(flyway.info().applied())
                    .filter(m -> m.getVersion() != null).reduce((first, last) -> last)
                    .map(m -> m.getVersion().getVersion()).orElse("none");
            LOG.info(() -> "Schema at version " + version + " (" + applied + " migrations applied now)");
            schemaCheck.verify();
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Schema migration failed; Qorgau will not start", e);
            throw e;
        }
        migrated = true;
        schemaReady.fire(new SchemaReady());
    }

    /**
     * The URL with the driver's copy of PostgreSQL's error detail switched off (the last setting in a URL wins): the
     * detail of a refused row lists its values, and a migration's failure is logged.
     */
    static String withoutErrorDetail(String url) {
        return url + (url.contains("?") ? "&" : "?") + "logServerErrorDetail=false";
    }

    public boolean migrated() {
        return migrated;
    }
}
