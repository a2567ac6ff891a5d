package io.partnertiers.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;

/** When the service may start without checking tokens, and what it says about it. */
class ExposureGuardTest {

    @Test
    void shouldRefuseToListenBeyondLoopbackWithoutAKey() {
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> ExposureGuard.check(new Exposure(false, "0.0.0.0", false, false)));

        assertTrue(refused.getMessage().startsWith("Refusing to start: no token key is configured"), refused.getMessage());
        assertTrue(refused.getMessage().contains("partner-tiers.security.allow-anonymous=true"));
    }

    @Test
    void shouldStartBeyondLoopbackWithoutAKeyOnlyWhenAllowedAndSaySo() {
        String warning = ExposureGuard.check(new Exposure(false, "0.0.0.0", false, true)).orElseThrow();

        assertTrue(warning.contains("anyone who reaches it has every role"), warning);
    }

    @Test
    void shouldWarnOnceWhenRunningWithoutAKeyOnLoopback() {
        String warning = ExposureGuard.check(new Exposure(false, "127.0.0.1", true, false)).orElseThrow();

        assertTrue(warning.startsWith("Authentication is off"), warning);
    }

    @Test
    void shouldSayNothingWithAKey() {
        assertEquals(Optional.empty(), ExposureGuard.check(new Exposure(true, "0.0.0.0", false, false)));
    }

    @Test
    void shouldKnowLoopbackAddresses() {
        assertTrue(Exposure.isLoopback("127.0.0.1"));
        assertTrue(Exposure.isLoopback("localhost"));
        assertTrue(Exposure.isLoopback("::1"));
        assertTrue(!Exposure.isLoopback("0.0.0.0"));
    }
}
