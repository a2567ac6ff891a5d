package io.partnertiers;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;

import org.eclipse.microprofile.config.ConfigProvider;

import io.partnertiers.impact.ImpactCommand;
import io.partnertiers.rules.EarlyLoad;
import io.partnertiers.validate.ValidateCommand;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * The command line: {@code serve} (the default) starts the service; {@code validate <rules-dir> …}
 * checks a rules folder and {@code impact …} compares two rules folders on a sample of partners,
 * both without starting the HTTP server (for CI pipelines; see rules/README.md); {@code help} prints
 * the commands. Nothing but {@code serve} opens a port.
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
                  --min-boundary-coverage N  also fail when less than N % of the thresholds moved by
                                           one step are noticed by a scenario
                  --format pretty|json|junit|sarif  how the report is written (default: pretty)
                  --output FILE            write the report there, and the summary to the console
                  exit codes: 0 all good; 1 a program or scenario file does not load;
                              2 a scenario failed or a coverage is below its minimum
              impact                   evaluate a sample of partners under two rules folders and
                                       report who moves
                  --base <rules-dir>       the rules as they are
                  --rules <rules-dir>      the rules as changed
                  --partners <file>        NDJSON, one {"program", "asOf", "partner"} per line
                  --format pretty|json|junit  how the report is printed (default: pretty)
                  --fail-on demotion|change   exit 1 when someone is demoted, or moves at all
                  exit codes: 0 done; 1 the --fail-on condition happened; 2 wrong arguments or rules
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
        // a URI that is not one gets a problem from HttpRejections rather than Quarkus' empty 400
        if (System.getProperty("vertx.disableURIValidation") == null) {
            System.setProperty("vertx.disableURIValidation", "true");
        }
        EarlyLoad.begin(ConfigProvider.getConfig());
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
        if (!name.equals("serve")) {
            quietLibraries();
        }
        return switch (name) {
            case "serve" -> rest.isEmpty() ? SERVE : unknown("option '" + rest.get(0) + "' for serve", err);
            case "validate" -> new ValidateCommand(out, Main.class.getClassLoader()).run(rest.toArray(String[]::new));
            case "impact" -> new ImpactCommand(out, Main.class.getClassLoader()).run(rest.toArray(String[]::new));
            default -> unknown("command '" + name + "'", err);
        };
    }

    /**
     * Without the service, nothing configures logging: Drools' trace and debug statements would be
     * formatted on every rule fired (a third of impact's time) and its warnings printed amid reports.
     */
    private static void quietLibraries() {
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.INFO);
        for (String library : List.of("org.drools", "org.kie")) {
            java.util.logging.Logger.getLogger(library).setLevel(java.util.logging.Level.SEVERE);
        }
    }

    private static int unknown(String what, PrintStream err) {
        err.println("unknown " + what);
        err.print(USAGE);
        return USAGE_ERROR;
    }
}
