package io.supportflow.engine.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.supportflow.engine.SupportEngine;
import io.supportflow.engine.TransitionEvent;
import io.supportflow.engine.rest.RestOptions;
import io.supportflow.engine.rest.RestServer;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code demo}: a scripted walk through every 8.12 operation against a real server on a loopback port and a
 * temporary store, printing each request, response and the transitions the engine delivered for it. The store
 * is deleted afterwards.
 */
final class DemoCommand implements CliCommand {
    private static final String ORDER = "/support/order-1001";
    private static final String SUPPORT = """
            {"descriptor":{"name":"Parcel arrived damaged"},"callback_phone":"+91 98765 43210",\
            "chat":{"url":"https://chat.example.org/s/81","session_id":"81"}}""";
    private static final String ASHA = "{\"id\":\"agent-7\",\"person\":{\"name\":\"Asha\"},\"rating\":\"4.5\"}";
    private static final String RAVI = "{\"id\":\"agent-9\",\"person\":{\"name\":\"Ravi\"}}";

    @Override
    public Usage usage() {
        return new Usage("demo", "Walk through every 8.12 operation on a temporary store, printing each request, "
                + "response and transition.", List.of(), List.of());
    }

    @Override
    public int run(Arguments args, PrintStream out, PrintStream err) throws IOException, InterruptedException {
        Path data = Files.createTempDirectory("supportflow-demo");
        List<TransitionEvent> delivered = new ArrayList<>();
        try (SupportEngine engine = SupportEngine.builder().dataDirectory(data).manualScheduling()
                .listener(delivered::add).build();
             RestServer server = RestServer.start(engine, RestOptions.defaults().withPort(0))) {
            out.println("supportflow demo: server on " + server.uri() + ", temporary store " + data.getFileName());
            new Script(server.uri(), engine, delivered, out).play();
        } finally {
            deleteTree(data);
        }
        return 0;
    }

    /** The walk: one step per call, each printed with its transitions. */
    private static final class Script {
        private final URI base;
        private final SupportEngine engine;
        private final List<TransitionEvent> delivered;
        private final PrintStream out;
        private final HttpClient http = HttpClient.newHttpClient();
        private final ObjectMapper json = new ObjectMapper();
        private int step;

        Script(URI base, SupportEngine engine, List<TransitionEvent> delivered, PrintStream out) {
            this.base = base;
            this.engine = engine;
            this.delivered = delivered;
            this.out = out;
        }

        void play() throws IOException, InterruptedException {
            call("Generate a support request for an order", "POST", ORDER, SUPPORT);
            call("Fetch a support session", "GET", ORDER, null);
            call("Update a chat session", "PUT", ORDER,
                    "{\"faq\":{\"url\":\"https://example.org/faq\",\"mime_type\":\"text/html\"}}");
            call("Update agent for a support request (assign)", "PUT", ORDER + "/agent", ASHA);
            call("Fetch the agent to a support session", "GET", ORDER + "/agent", null);
            call("Update agent for a support request (reassign)", "PUT", ORDER + "/agent", RAVI);
            call("Remove an agent from a support request", "DELETE", ORDER + "/agent", null);
            call("Remove the agent again: an idempotent no-op", "DELETE", ORDER + "/agent", null);
            call("Close a chat session", "DELETE", ORDER, null);
            call("Update a closed session: refused", "PUT", ORDER, SUPPORT);
            call("Generate a support request again: reopens the closed session", "POST", ORDER, null);
            call("The history support staff see", "GET", ORDER + "/history", null);
        }

        private void call(String title, String method, String path, String body)
                throws IOException, InterruptedException {
            out.println();
            out.println("== " + ++step + ". " + title);
            out.println("> " + method + " " + path);
            HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).method(method,
                    body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
            if (body != null) {
                request.header("Content-Type", "application/json");
                out.println("> " + body);
            }
            HttpResponse<String> response = http.send(request.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            out.println("< " + response.statusCode() + response.headers().firstValue("ETag").map(e -> "  ETag: " + e)
                    .orElse(""));
            out.println("< " + json.writerWithDefaultPrettyPrinter().writeValueAsString(json.readTree(response.body()))
                    .replace("\n", "\n< "));
            engine.deliverOutbox();
            delivered.forEach(e -> out.println("~ transition " + e.event() + ": " + e.from() + " -> " + e.to()
                    + " (version " + e.version() + ", by " + e.actor() + ")"));
            if (delivered.isEmpty() && !method.equals("GET")) {
                out.println("~ no transition");
            }
            delivered.clear();
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
