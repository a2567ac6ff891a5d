package io.partnertiers.rules;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.jboss.logging.Logger;

import io.quarkus.runtime.configuration.DurationConverter;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.runtime.configuration.MemorySizeConverter;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/**
 * Loading the rules folder, begun by {@code Main} before the service boots, so that it runs on the
 * second core while the first one starts the database, Flyway and Hibernate: start-up then waits
 * for whichever takes longer instead of for both. {@link RulesetRegistry} takes the result if it
 * was begun with exactly the settings it has itself, and loads the folder on its own otherwise,
 * so the head start can only change how soon the programs serve, never which.
 */
public final class EarlyLoad {

    private static final Logger LOG = Logger.getLogger(EarlyLoad.class);
    private static Begun begun;

    /** What loading depends on: two loads with equal settings load the same programs. */
    record Settings(Path rulesDir, RulesetCompiler.Options compiler) {

        static Settings of(PartnerTiersConfig config) {
            return new Settings(Path.of(config.rules().dir()), RulesetCompiler.Options.of(config));
        }
    }

    private record Begun(Settings settings, CompletableFuture<RulesetRegistry.Loaded> loading) {
    }

    private EarlyLoad() {
    }

    /** Begins loading the rules folder the configuration names, in the background; does nothing if it cannot tell. */
    public static synchronized void begin(Config config) {
        Optional<Settings> read = settingsBeforeBoot(config);
        if (read.isEmpty()) {
            return;
        }
        Settings settings = read.get();
        if (!Files.isDirectory(settings.rulesDir())) {
            return;
        }
        CompletableFuture<RulesetRegistry.Loaded> loading = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                loading.complete(RulesetRegistry.loadAll(settings.rulesDir(), settings.compiler().compiler()));
            } catch (Throwable failure) {
                loading.completeExceptionally(failure);
            }
        }, "rules-early-load");
        thread.setDaemon(true);
        thread.start();
        begun = new Begun(settings, loading);
    }

    /** The settings {@link RulesetRegistry} will have: Quarkus has read the configuration, not yet mapped it. */
    static Optional<Settings> settingsBeforeBoot(Config config) {
        try {
            SmallRyeConfig booting = config.unwrap(SmallRyeConfig.class);
            SmallRyeConfig mapped = new SmallRyeConfigBuilder().forClassLoader(EarlyLoad.class.getClassLoader())
                    .withSources(sources(booting))
                    .withProfiles(booting.getProfiles()).withConverter(Duration.class, 100, new DurationConverter())
                    .withConverter(MemorySize.class, 100, new MemorySizeConverter())
                    .withMapping(PartnerTiersConfig.class).withValidateUnknown(false).build();
            return Optional.of(Settings.of(mapped.getConfigMapping(PartnerTiersConfig.class)));
        } catch (RuntimeException unreadable) {
            LOG.debugf("Rules load once the service has started (%s)", unreadable);
            return Optional.empty();
        }
    }

    private static List<ConfigSource> sources(SmallRyeConfig config) {
        List<ConfigSource> sources = new ArrayList<>();
        config.getConfigSources().forEach(sources::add);
        return sources;
    }

    /** The loading begun with exactly these settings, once; empty if none was, or with others. */
    static synchronized Optional<CompletableFuture<RulesetRegistry.Loaded>> take(Settings settings) {
        Begun taken = begun;
        begun = null;
        return taken != null && taken.settings().equals(settings) ? Optional.of(taken.loading()) : Optional.empty();
    }
}
