package io.supportflow.engine.cli;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.supportflow.engine.SupportEngine;
import io.supportflow.engine.rest.RestOptions;
import io.supportflow.engine.rest.RestServer;
import io.supportflow.persistence.SupportStore;
import io.supportflow.spec.check.CheckReport;
import io.supportflow.spec.lifecycle.Lifecycle;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * {@code serve}: the REST binding on the embedded MapDB store (or on PostgreSQL, see {@link StoreChoice}) until
 * SIGTERM or Ctrl-C, which stops it gracefully (in-flight requests finish, then the store closes) and exits 0, or 1
 * when some request did not finish within the grace period. A custom lifecycle is model-checked first; on a violation
 * the server does not start.
 */
final class ServeCommand implements CliCommand {
    /** Printed (to standard output) once the server accepts requests. */
    static final String READY = "supportflow: serving ";
    /** Printed when SIGTERM or Ctrl-C begins the graceful stop. */
    static final String STOPPING = "supportflow: stopping, finishing in-flight requests";
    private static final Duration DEFAULT_LEASE = Duration.ofSeconds(10);

    @Override
    public Usage usage() {
        return new Usage("serve", "Serve the GovStack 8.12 REST binding on the embedded MapDB store (or on "
                + "PostgreSQL) until SIGTERM or Ctrl-C.\nA custom --rules lifecycle is model-checked first; on a "
                + "violation the server does not start (exit 1).", List.of(
                new Usage.Option("host", "HOST", "address to listen on (default: 127.0.0.1, loopback only)"),
                new Usage.Option("port", "PORT", "TCP port (default: 8080; 0 picks a free one)"),
                StoreChoice.DATA, StoreChoice.POSTGRES, StoreChoice.PASSWORD_FILE,
                Lifecycles.RULES,
                new Usage.Option("token-file", "FILE", "require Authorization: Bearer <the file's content>"),
                new Usage.Option("webhook", "URL", "POST each transition event to URL as JSON, retried until 2xx "
                        + "(at least once, per order in version order)"),
                new Usage.Option("lease", "TIME", "with --postgres: how long this process's claim on an order's "
                        + "events or a due timer lasts, so others take over when it dies (default: 10s)"),
                new Usage.Option("threads", "N", "requests handled at once (default: 16)"),
                new Usage.Option("queue", "N", "requests waiting for a handler; beyond, 503 (default: 64)"),
                new Usage.Option("max-connections", "N", "open connections at most (default: 512)"),
                new Usage.Option("header-timeout", "TIME", "time a new connection has for its request head "
                        + "(default: 10s)"),
                new Usage.Option("idle-timeout", "TIME", "a silent connection is closed after (default: 30s)"),
                new Usage.Option("max-header-bytes", "N", "request line and headers at most; beyond, 431 "
                        + "(default: 8192)"),
                new Usage.Option("max-body-bytes", "N", "request body at most; beyond, 413 (default: 65536)")),
                List.of());
    }

    @Override
    public int run(Arguments args, PrintStream out, PrintStream err) throws InterruptedException {
        RestOptions options = options(args);
        Lifecycle definition = Lifecycles.load(args.option("rules"));
        if (args.option("rules") != null) {
            CheckReport report = Lifecycles.check(definition);
            if (!report.ok()) {
                err.print(report.render());
                err.println("supportflow: not starting: " + args.option("rules") + " violates the properties above");
                return 1;
            }
        }
        Duration lease = args.duration("lease", DEFAULT_LEASE);
        Webhook webhook = args.option("webhook") == null ? null : Webhook.to(args.option("webhook"));
        StoreChoice store = StoreChoice.open(args, System.getenv());
        SupportEngine engine = engine(definition, store.store(), lease, webhook);
        RestServer server = listen(engine, options);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            out.println(STOPPING);
            out.flush();
            boolean drained = server.stop(options.grace());
            engine.close();
            out.println("supportflow: stopped" + (drained ? "" : " (some requests did not finish in time)"));
            out.flush();
            // a signal makes the JVM exit with 128 + its number; a clean stop is a success
            Runtime.getRuntime().halt(drained ? 0 : 1);
        }, "supportflow-shutdown"));
        out.println(READY + server.uri() + " (lifecycle " + definition.name() + ", " + store.description()
                + (options.bearerToken() == null ? "" : ", bearer token required")
                + (webhook == null ? "" : ", events to " + webhook) + "); stop with Ctrl-C");
        out.flush();
        stopped.await(); // until the shutdown hook ends the process
        return 0;
    }

    /** The defaults, with every option given on the command line. */
    private static RestOptions options(Arguments args) {
        RestOptions d = RestOptions.defaults();
        return d.withHost(args.option("host", d.host())).withPort(args.port("port", d.port()))
                .withThreads(args.atLeast("threads", 1, d.threads()), args.atLeast("queue", 0, d.queue()))
                .withMaxConnections(args.atLeast("max-connections", 1, d.maxConnections()))
                .withTimeouts(args.duration("header-timeout", d.headerTimeout()),
                        args.duration("idle-timeout", d.idleTimeout()))
                .withSizes(args.atLeast("max-header-bytes", 1024, d.maxHeaderBytes()),
                        args.atLeast("max-body-bytes", 0, d.maxBodyBytes()))
                .withBearerToken(token(args.option("token-file")));
    }

    private static String token(String tokenFile) {
        if (tokenFile == null) {
            return null;
        }
        try {
            String token = Files.readString(Path.of(tokenFile), StandardCharsets.UTF_8).trim();
            if (token.isEmpty() || token.chars().anyMatch(Character::isWhitespace)) {
                throw new CliFailure(tokenFile + ": the token file must hold one token without blanks");
            }
            return token;
        } catch (IOException e) {
            throw new CliFailure(tokenFile + ": " + CliFiles.describe(e));
        }
    }

    private static SupportEngine engine(Lifecycle definition, SupportStore store, Duration lease, Webhook webhook) {
        SupportEngine.Builder builder = SupportEngine.builder().lifecycle(definition).store(store).lease(lease)
                .meterRegistry(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
        if (webhook != null) {
            builder.listener(webhook);
        }
        return builder.build();
    }

    private static RestServer listen(SupportEngine engine, RestOptions options) {
        try {
            return RestServer.start(engine, options);
        } catch (IOException e) {
            engine.close();
            throw new CliFailure("cannot listen on " + options.host() + ":" + options.port() + " (" + e.getMessage()
                    + ")");
        }
    }
}
