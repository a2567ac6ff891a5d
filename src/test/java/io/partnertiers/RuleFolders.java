package io.partnertiers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/** Copies of shipped program folders, edited the way a program manager would edit them. */
public final class RuleFolders {

    private RuleFolders() {
    }

    /**
     * Copies {@code rules/<program>}'s files into {@code rulesDir/<program>}, passing each file's
     * text through {@code edit} (which sees every file, and leaves alone those it does not change).
     */
    public static Path copy(String program, Path rulesDir, UnaryOperator<String> edit) throws IOException {
        Path target = Files.createDirectories(rulesDir.resolve(program));
        try (Stream<Path> files = Files.list(Path.of("rules", program))) {
            for (Path source : files.filter(Files::isRegularFile).toList()) {
                Files.writeString(target.resolve(source.getFileName()), edit.apply(Files.readString(source)));
            }
        }
        return target;
    }

    /** Copies the whole shipped {@code rules/} folder, scenario files included, into {@code target}. */
    public static Path copyAll(Path target) throws IOException {
        Path rules = Path.of("rules");
        try (Stream<Path> files = Files.walk(rules)) {
            for (Path source : files.toList()) {
                Path copy = target.resolve(rules.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(source, copy);
                }
            }
        }
        return target;
    }
}
