package kz.qorgau.web.config;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

/**
 * The application's PostgreSQL pool, configured from MicroProfile Config, so that QORGAU_DB_URL, QORGAU_DB_USER and
 * QORGAU_DB_PASSWORD in the environment point the same build at any database. Declared on a listener because the
 * container reads resource definitions from its components.
 */
@DataSourceDefinition(
        name = "java:app/jdbc/qorgau",
        className = "org.postgresql.ds.PGSimpleDataSource",
        url = "${MPCONFIG=qorgau.db.url}",
        user = "${MPCONFIG=qorgau.db.user}",
        password = "${MPCONFIG=qorgau.db.password}",
        minPoolSize = 2,
        maxPoolSize = 30,
        properties = {"ApplicationName=qorgau"})
@WebListener
public class DataSourceConfig implements ServletContextListener {
}
