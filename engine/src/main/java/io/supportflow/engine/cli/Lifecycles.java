package io.supportflow.engine.cli;

import io.supportflow.spec.check.CheckReport;
import io.supportflow.spec.check.ModelChecker;
import io.supportflow.spec.lifecycle.Lifecycle;
import io.supportflow.spec.rules.RulesFile;
import io.supportflow.spec.rules.RulesSyntaxException;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** The lifecycle a command works on: the standard one, or the one in a {@code --rules} file. */
final class Lifecycles {
    static final Usage.Option RULES = new Usage.Option("rules", "FILE",
            "a custom lifecycle in the rules-file format (default: the standard lifecycle)");

    private Lifecycles() {
    }

    /**
     * The standard lifecycle when {@code rulesFile} is null, else the file's.
     *
     * @throws CliFailure naming the file (and line and column) when it cannot be read or parsed
     */
    static Lifecycle load(String rulesFile) {
        if (rulesFile == null) {
            return Lifecycle.standard();
        }
        Path path = Path.of(rulesFile);
        try {
            return RulesFile.parse(java.nio.file.Files.readString(path, StandardCharsets.UTF_8));
        } catch (RulesSyntaxException e) {
            throw new CliFailure(rulesFile + ": " + e.getMessage());
        } catch (MalformedInputException e) {
            throw new CliFailure(rulesFile + ": not UTF-8 text");
        } catch (IOException e) {
            throw new CliFailure(rulesFile + ": " + CliFiles.describe(e));
        }
    }

    /** The model-check report of {@code definition} (P1, P2, P3, P7 within the checker's default bounds). */
    static CheckReport check(Lifecycle definition) {
        return ModelChecker.check(definition);
    }
}
