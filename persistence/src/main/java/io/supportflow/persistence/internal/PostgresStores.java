package io.supportflow.persistence.internal;

import io.supportflow.persistence.SupportStore;

import javax.sql.DataSource;
import java.util.Properties;

/**
 * Opens PostgreSQL stores. Implemented by the {@code supportflow-postgres} module and found by
 * {@link io.supportflow.persistence.Stores#openPostgres} through {@link java.util.ServiceLoader}, so that the embedded
 * default (this module) pulls in no JDBC driver or pool. Not an API for users: call {@code Stores}.
 */
public interface PostgresStores {

    /** A store over a connection pool of its own on {@code jdbcUrl}, closed with the store. */
    SupportStore open(String jdbcUrl, Properties connectionProperties);

    /** A store over {@code dataSource}, which the caller owns (the store does not close it). */
    SupportStore open(DataSource dataSource);
}
