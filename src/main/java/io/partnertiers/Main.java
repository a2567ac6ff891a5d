package io.partnertiers;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;

import io.partnertiers.validate.ValidateCommand;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * The command line: {@code serve} (the default) starts the service; {@code validate <rules-dir> …}
 * checks a rules folder and exits without starting the HTTP server (for CI pipelines; see
 * rules/README.md); {@code help} prints the commands. Nothing but {@code serve} opens a port.
 */
@QuarkusMain
public class Main {

    /** Exit code of a command line that names no command or option we know. */
    static final int USAGE_ERROR = 2;
    /** What {@link #command} answers when the service is to be started. */
    static final int SERVE = -1;

    static final String USAGE = """
            usage: java -jar quarkus-run.jar [command] [options]

            commands:
              serve                    start the HTTP service (the default when no command is given)
              validate <rules-dir>     compile and check every program of a rules folder and run its
                                       scenarios, without starting the service
                  --min-coverage N         also fail when the scenarios see less than N % of the
                                           criterion outcomes
                  --format pretty|json     how the report is printed (default: pretty)
                  exit codes: 0 all good; 1 a program or scenario file does not load;
                              2 a scenario failed or coverage is below N
              help, --help, -h         print this text and exit

            serve takes its settings from application.properties, from system properties given before
            -jar (-Dquarkus.http.port=9090) and from the environment (QUARKUS_HTTP_PORT=9090); the README
            lists them (Run it, Security, Decision log, Live reload).
            """;

    private static final List<String> HELP = List.of("help", "--help", "-h");

    public static void main(String... args) {
        int exit = command(args, System.out, System.err);
        if (exit != SERVE) {
            System.exit(exit);
        }
        Quarkus.run(args.length > 0 ? Arrays.copyOfRange(args, 1, args.length) : args);
    }

    /** Runs every command but {@code serve}; returns its exit code, or {@link #SERVE} to start the service. */
    static int command(String[] args, PrintStream out, PrintStream err) {
        String name = args.length == 0 ? "serve" : args[0];
        List<String> rest = Arrays.asList(args).subList(Math.min(1, args.length), args.length);
        if (HELP.contains(name) || rest.stream().anyMatch(HELP::contains)) {
            out.print(USAGE);
            return 0;
        }
        return switch (name) {
            case "serve" -> rest.isEmpty() ? SERVE : unknown("option '" + rest.get(0) + "' for serve", err);
            case "validate" -> new ValidateCommand(out, Main.class.getClassLoader()).run(rest.toArray(String[]::new));
            default -> unknown("command '" + name + "'", err);
        };
    }

    private static int unknown(String what, PrintStream err) {
        err.println("unknown " + what);
        err.print(USAGE);
        return USAGE_ERROR;
    }
}
