package io.partnertiers.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The files of one program folder that make the program: {@code program.yaml} and every
 * {@code *.drl}, read as strict UTF-8 and within bounds (a file too large, not UTF-8 or a
 * symbolic link is a problem to report, never read), and the version they add up to.
 *
 * @param texts file name to text, by name, of every file that could be read
 * @param problems what kept a file from being read
 * @param version a content hash of the files' names and bytes, as read
 */
record ProgramSources(Map<String, String> texts, List<Diagnostic> problems, String version) {

    static final String DESCRIPTOR = "program.yaml";
    /** The most rules files a program may have. */
    static final int MAX_FILES = 100;
    /** The largest file read, in bytes: {@link SourceCharacters#MAX_FILE_CHARS} of text. */
    static final long MAX_FILE_BYTES = SourceCharacters.MAX_FILE_CHARS;

    static ProgramSources read(Path programDir) {
        Map<String, String> texts = new LinkedHashMap<>();
        List<Diagnostic> problems = new ArrayList<>();
        MessageDigest version = sha256();
        List<Path> files = files(programDir);
        if (files.size() > MAX_FILES) {
            problems.add(new Diagnostic(new SourcePosition(programDir.getFileName().toString(), 0, 0), "the folder has "
                    + files.size() + " rules files; a program may have at most " + MAX_FILES, null));
            files = List.of();
        }
        for (Path file : files) {
            String name = file.getFileName().toString();
            version.update(name.getBytes(StandardCharsets.UTF_8));
            version.update((byte) 0);
            try {
                if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                    problems.add(at(name, "is a symbolic link or not a plain file; rules files must be plain files"));
                } else if (Files.size(file) > MAX_FILE_BYTES) {
                    version.update(Long.toString(Files.size(file)).getBytes(StandardCharsets.UTF_8));
                    problems.add(at(name, "has " + Files.size(file) + " bytes; a rules file may have at most "
                            + MAX_FILE_BYTES + ": split the program"));
                } else {
                    byte[] bytes = Files.readAllBytes(file);
                    version.update(bytes);
                    texts.put(name, StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                            .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString());
                }
            } catch (CharacterCodingException e) {
                problems.add(at(name, "is not UTF-8 text: save it as UTF-8"));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + file, e);
            }
            version.update((byte) 0);
        }
        return new ProgramSources(texts, problems, HexFormat.of().formatHex(version.digest()).substring(0, 12));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always present", e);
        }
    }

    Map<String, String> drl() {
        Map<String, String> drl = new LinkedHashMap<>(texts);
        drl.remove(DESCRIPTOR);
        return drl;
    }

    private static List<Path> files(Path programDir) {
        try (Stream<Path> files = Files.list(programDir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".drl")
                    || f.getFileName().toString().equals(DESCRIPTOR))
                    .sorted(Comparator.comparing(f -> f.getFileName().toString())).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list program folder " + programDir, e);
        }
    }

    private static Diagnostic at(String file, String message) {
        return new Diagnostic(new SourcePosition(file, 1, 1), message, null);
    }
}
