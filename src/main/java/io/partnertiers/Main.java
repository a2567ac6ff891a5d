package io.partnertiers;

import java.util.Arrays;

import io.partnertiers.validate.ValidateCommand;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * Starts the service, or with {@code validate <rules-dir> …} checks a rules folder and exits
 * without starting the HTTP server (for CI pipelines; see rules/README.md).
 */
@QuarkusMain
public class Main {

    public static void main(String... args) {
        if (args.length > 0 && args[0].equals("validate")) {
            int exit = new ValidateCommand(System.out, Main.class.getClassLoader())
                    .run(Arrays.copyOfRange(args, 1, args.length));
            System.exit(exit);
        }
        // a URI that is not one gets a problem from HttpRejections rather than Quarkus' empty 400
        if (System.getProperty("vertx.disableURIValidation") == null) {
            System.setProperty("vertx.disableURIValidation", "true");
        }
        Quarkus.run(args);
    }
}
