package io.supportflow.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Files committed at the repository root that tests read or keep current. Surefire runs in the module directory,
 * whose parent is the repository root.
 */
public final class RepositoryFiles {
    /** Set {@code -Dsupportflow.regenerate=true} to rewrite generated files instead of failing on stale ones. */
    public static final String REGENERATE = "supportflow.regenerate";

    private RepositoryFiles() {
    }

    public static Path root() {
        return Path.of("").toAbsolutePath().getParent();
    }

    public static String read(String relative) {
        try {
            return Files.readString(root().resolve(relative), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Fails unless the committed file holds exactly {@code content}; with {@link #REGENERATE} set, writes it instead.
     */
    public static void assertCurrent(String relative, String content) {
        Path file = root().resolve(relative);
        try {
            if (Boolean.getBoolean(REGENERATE)) {
                Files.createDirectories(file.getParent());
                Files.writeString(file, content, StandardCharsets.UTF_8);
            }
            String committed = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : null;
            assertThat(committed)
                    .as("%s is stale or missing; regenerate it with: mvn -B -pl spec test -D%s=true "
                            + "-Dtest=%s -Dsurefire.failIfNoSpecifiedTests=false, then review and commit it",
                            relative, REGENERATE, callerTestClass())
                    .isEqualTo(content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String callerTestClass() {
        return StackWalker.getInstance().walk(frames -> frames.map(StackWalker.StackFrame::getClassName)
                .filter(name -> !name.equals(RepositoryFiles.class.getName())).findFirst().orElse("*Test"))
                .replaceAll(".*\\.", "");
    }
}
