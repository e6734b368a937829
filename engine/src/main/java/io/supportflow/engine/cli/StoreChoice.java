package io.supportflow.engine.cli;

import io.supportflow.persistence.StoreOpenException;
import io.supportflow.persistence.Stores;
import io.supportflow.persistence.SupportStore;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.function.Supplier;

/**
 * Which store {@code serve} runs on: the embedded MapDB directory ({@code --data}, the default) or a PostgreSQL
 * database shared with other engine processes ({@code --postgres URL}). The database password never appears on the
 * command line: it comes from {@value #PASSWORD_ENV} or {@code --postgres-password-file}, and a URL carrying one is
 * refused.
 */
record StoreChoice(SupportStore store, String description) {
    static final String PASSWORD_ENV = "SUPPORTFLOW_POSTGRES_PASSWORD";
    static final Usage.Option DATA =
            new Usage.Option("data", "DIR", "the store directory (default: ./supportflow-data)");
    static final Usage.Option POSTGRES = new Usage.Option("postgres", "URL", "serve on PostgreSQL instead, shared with "
            + "other serve processes, e.g. jdbc:postgresql://db:5432/support?user=sf (password: $" + PASSWORD_ENV
            + " or --postgres-password-file)");
    static final Usage.Option PASSWORD_FILE = new Usage.Option("postgres-password-file", "FILE",
            "a file holding the PostgreSQL password");

    /** Opens the store {@code args} name; a failure to open is a {@link CliFailure} naming the store. */
    static StoreChoice open(Arguments args, Map<String, String> environment) {
        String url = args.option("postgres");
        if (url == null) {
            if (args.option("postgres-password-file") != null) {
                throw new UsageException("--postgres-password-file needs --postgres");
            }
            Path data = Path.of(args.option("data", "supportflow-data"));
            return new StoreChoice(opening(() -> Stores.openMapDb(data)), "data " + data);
        }
        if (args.option("data") != null) {
            throw new UsageException("--data and --postgres name two stores: give one");
        }
        if (url.toLowerCase(Locale.ROOT).contains("password=")) {
            throw new UsageException("--postgres: keep the password off the command line: put it in $" + PASSWORD_ENV
                    + " or in a file named by --postgres-password-file");
        }
        Properties properties = new Properties();
        String password = password(args.option("postgres-password-file"), environment);
        if (password != null) {
            properties.setProperty("password", password);
        }
        int query = url.indexOf('?');
        return new StoreChoice(opening(() -> Stores.openPostgres(url, properties)),
                "postgres " + (query < 0 ? url : url.substring(0, query)));
    }

    private static String password(String file, Map<String, String> environment) {
        if (file == null) {
            return environment.get(PASSWORD_ENV);
        }
        try {
            return Files.readString(Path.of(file), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new CliFailure(file + ": " + CliFiles.describe(e));
        }
    }

    private static SupportStore opening(Supplier<SupportStore> open) {
        try {
            return open.get();
        } catch (StoreOpenException e) {
            throw new CliFailure(e.getMessage());
        }
    }
}
