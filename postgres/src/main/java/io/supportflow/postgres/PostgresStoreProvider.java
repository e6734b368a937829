package io.supportflow.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.supportflow.persistence.StoreOpenException;
import io.supportflow.persistence.SupportStore;
import io.supportflow.persistence.internal.PostgresStores;

import javax.sql.DataSource;
import java.util.Objects;
import java.util.Properties;

/**
 * The PostgreSQL store, found by {@code Stores.openPostgres} through {@link java.util.ServiceLoader}; not an API
 * for users (call {@code Stores}). Public only because a service provider must be.
 */
public final class PostgresStoreProvider implements PostgresStores {

    @Override
    public SupportStore open(String jdbcUrl, Properties connectionProperties) {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setDataSourceProperties(connectionProperties);
        config.setPoolName("supportflow-postgres");
        config.setMinimumIdle(1);
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new StoreOpenException("cannot open a connection pool on " + redacted(jdbcUrl) + ": "
                    + e.getMessage(), e);
        }
        try {
            return PostgresStore.open(pool, pool, redacted(jdbcUrl));
        } catch (RuntimeException | Error e) {
            pool.close();
            throw e;
        }
    }

    @Override
    public SupportStore open(DataSource dataSource) {
        return PostgresStore.open(Objects.requireNonNull(dataSource, "dataSource"), () -> { }, "the given data source");
    }

    /** The URL without its query (which may hold a password), for messages. */
    private static String redacted(String jdbcUrl) {
        int query = jdbcUrl.indexOf('?');
        return query < 0 ? jdbcUrl : jdbcUrl.substring(0, query);
    }
}
