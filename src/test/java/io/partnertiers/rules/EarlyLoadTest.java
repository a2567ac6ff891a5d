package io.partnertiers.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.partnertiers.RuleFolders;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/** The head start Main gives the rules is taken only by a registry configured exactly as it was begun. */
class EarlyLoadTest {

    @TempDir
    Path rulesDir;
    @TempDir
    Path dataDir;

    private SmallRyeConfig config(Map<String, String> properties) {
        return new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(properties, "test", 500)).build();
    }

    private EarlyLoad.Settings settingsOf(SmallRyeConfig config) {
        return EarlyLoad.settingsBeforeBoot(config).orElseThrow();
    }

    @Test
    void theRegistryTakesTheProgramsLoadedBeforeBootOnce() throws IOException {
        RuleFolders.copy("microsoft-mpn", rulesDir, text -> text);
        SmallRyeConfig config = config(Map.of("partner-tiers.rules.dir", rulesDir.toString(),
                "partner-tiers.data-dir", dataDir.toString()));

        EarlyLoad.begin(config);

        var taken = EarlyLoad.take(settingsOf(config));
        assertTrue(taken.isPresent());
        assertEquals(java.util.Set.of("microsoft-mpn"), taken.get().join().programs().keySet());
        assertTrue(EarlyLoad.take(settingsOf(config)).isEmpty(), "taken once");
    }

    @Test
    void aRegistryConfiguredOtherwiseLoadsOnItsOwn() throws IOException {
        RuleFolders.copy("microsoft-mpn", rulesDir, text -> text);
        EarlyLoad.begin(config(Map.of("partner-tiers.rules.dir", rulesDir.toString(),
                "partner-tiers.data-dir", dataDir.toString())));

        SmallRyeConfig otherTimeout = config(Map.of("partner-tiers.rules.dir", rulesDir.toString(),
                "partner-tiers.data-dir", dataDir.toString(), "partner-tiers.rules.compile-timeout", "5s"));

        assertTrue(EarlyLoad.take(settingsOf(otherTimeout)).isEmpty());
    }

    @Test
    void aMissingRulesFolderBeginsNothing() {
        SmallRyeConfig config = config(Map.of("partner-tiers.rules.dir", rulesDir.resolve("absent").toString()));
        EarlyLoad.begin(config);
        assertTrue(EarlyLoad.take(settingsOf(config)).isEmpty());
    }
}
