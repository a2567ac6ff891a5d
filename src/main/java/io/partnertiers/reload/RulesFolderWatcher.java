package io.partnertiers.reload;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.partnertiers.rules.PartnerTiersConfig;
import io.partnertiers.rules.RulesetRegistry;
import io.quarkus.runtime.StartupEvent;

/**
 * File-system events on the rules folder, so that a save is loaded in about a second rather
 * than at the next poll. Events only wake the reloader; it still loads a program once its
 * folder has held still, so a burst of saves is one reload. Where events are not available the
 * scheduled poll of {@link RulesReloader} does the same, only later.
 */
@ApplicationScoped
class RulesFolderWatcher {

    private static final Logger LOG = Logger.getLogger(RulesFolderWatcher.class);
    /** How long the folder must be quiet before the reloader looks (twice, this far apart). */
    private static final long SETTLE_MILLIS = 400;

    private final RulesetRegistry registry;
    private final RulesReloader reloader;
    private final boolean enabled;
    private volatile Thread thread;

    RulesFolderWatcher(RulesetRegistry registry, RulesReloader reloader, PartnerTiersConfig config) {
        this.registry = registry;
        this.reloader = reloader;
        this.enabled = config.rules().watch();
    }

    void onStart(@Observes StartupEvent event) {
        if (!enabled) {
            return;
        }
        try {
            WatchService watcher = FileSystems.getDefault().newWatchService();
            registerTree(watcher, registry.rulesDir());
            Thread running = new Thread(() -> watch(watcher), "rules-folder-watcher");
            running.setDaemon(true);
            running.start();
            thread = running;
        } catch (IOException | UnsupportedOperationException e) {
            LOG.infof("No file-system events for %s (%s): changes are found by polling", registry.rulesDir(),
                    e.getMessage());
        }
    }

    private void watch(WatchService watcher) {
        try (watcher) {
            while (!Thread.currentThread().isInterrupted()) {
                WatchKey key = watcher.take();
                do { // debounce: keep draining until the folder has been quiet for a moment
                    for (var event : key.pollEvents()) {
                        if (event.context() instanceof Path name && key.watchable() instanceof Path dir
                                && Files.isDirectory(dir.resolve(name))) {
                            registerTree(watcher, dir.resolve(name));
                        }
                    }
                    key.reset();
                    key = watcher.poll(SETTLE_MILLIS, TimeUnit.MILLISECONDS);
                } while (key != null);
                reloader.poll();
                Thread.sleep(SETTLE_MILLIS);
                reloader.poll();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException e) {
            LOG.warnf("Watching %s stopped (%s): changes are found by polling", registry.rulesDir(), e.getMessage());
        }
    }

    private static void registerTree(WatchService watcher, Path root) throws IOException {
        try (Stream<Path> dirs = Files.walk(root, 3)) {
            for (Path dir : dirs.filter(Files::isDirectory).toList()) {
                dir.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                        StandardWatchEventKinds.ENTRY_DELETE);
            }
        }
    }

    @PreDestroy
    void stop() {
        Thread running = thread;
        if (running != null) {
            running.interrupt();
        }
    }
}
