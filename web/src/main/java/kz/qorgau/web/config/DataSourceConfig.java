package kz.qorgau.web.config;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.annotation.sql.DataSourceDefinitions;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

/**
 * The application's PostgreSQL pool, configured from MicroProfile Config, so that QORGAU_DB_URL, QORGAU_DB_USER and
 * QORGAU_DB_PASSWORD in the environment point the same build at any database. Declared on a listener because the
 * container reads resource definitions from its components.
 * <p>
 * The pool outlives a database restart: every connection is validated before it is handed out, and once one is
 * found broken all are replaced. Nothing waits unbounded: a connection is waited for at most 5 s, a new one is
 * refused after 3 s, a statement or a silent network after 60 s, so that a request fails fast (503) rather than hangs.
 * <p>
 * PostgreSQL's error detail ("Failing row contains (…)", "Key (iin)=(…)") carries the row's contents: the driver
 * leaves it out of its messages, so that no exception or log line repeats a name or an IIN.
 * <p>
 * A second pool reads for reports and exports ({@code kz.qorgau.shared.persistence.ReadDatabase}):
 * QORGAU_DB_READ_URL, a streaming-replication standby with the same roles, or the primary when it is not set.
 */
@DataSourceDefinitions({
    @DataSourceDefinition(
        name = "java:app/jdbc/qorgau",
        className = "org.postgresql.ds.PGSimpleDataSource",
        url = "${MPCONFIG=qorgau.db.url}",
        user = "${MPCONFIG=qorgau.db.user}",
        password = "${MPCONFIG=qorgau.db.password}",
        minPoolSize = 2,
        maxPoolSize = 30,
        loginTimeout = 3,
        properties = {
                "ApplicationName=qorgau",
                "connectTimeout=3",
                "socketTimeout=60",
                "logServerErrorDetail=false",
                "fish.payara.is-connection-validation-required=true",
                "fish.payara.connection-validation-method=custom-validation",
                "fish.payara.validation-classname=org.glassfish.api.jdbc.validation.PostgresConnectionValidation",
                "fish.payara.fail-all-connections=true",
                "fish.payara.max-wait-time-in-millis=5000",
                "fish.payara.statement-timeout-in-seconds=60"}),
    @DataSourceDefinition(
        name = "java:app/jdbc/qorgau-read",
        className = "org.postgresql.ds.PGSimpleDataSource",
        url = "${MPCONFIG=qorgau.db.read-url}",
        // reports and exports only, each on a connection of its own outside the request's transaction
        transactional = false,
        user = "${MPCONFIG=qorgau.db.user}",
        password = "${MPCONFIG=qorgau.db.password}",
        minPoolSize = 1,
        maxPoolSize = 10,
        loginTimeout = 3,
        properties = {
                "ApplicationName=qorgau-read",
                "connectTimeout=3",
                "socketTimeout=60",
                "logServerErrorDetail=false",
                "fish.payara.is-connection-validation-required=true",
                "fish.payara.connection-validation-method=custom-validation",
                "fish.payara.validation-classname=org.glassfish.api.jdbc.validation.PostgresConnectionValidation",
                "fish.payara.fail-all-connections=true",
                "fish.payara.max-wait-time-in-millis=5000",
                "fish.payara.statement-timeout-in-seconds=60"})
})
@WebListener
public class DataSourceConfig implements ServletContextListener {
}
