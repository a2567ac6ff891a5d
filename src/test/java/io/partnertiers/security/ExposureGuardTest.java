package io.partnertiers.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.smallrye.jwt.config.JWTAuthContextInfoProvider;

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
    void shouldRefuseToStartWhenTheConfiguredKeyCannotBeRead() {
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> ExposureGuard.checkKeyReadable(
                () -> JWTAuthContextInfoProvider.createWithKeyLocation("/nonexistent/publicKey.pem", "https://issuer.test")
                        .getContextInfo().getIssuedBy()));

        assertTrue(refused.getMessage().startsWith("Refusing to start: the token key cannot be read"), refused.getMessage());
        assertTrue(refused.getMessage().contains("mp.jwt.verify.publickey.location"), refused.getMessage());
    }

    @Test
    void shouldStartWithAReadableKey() {
        ExposureGuard.checkKeyReadable(() -> JWTAuthContextInfoProvider.createWithKeyLocation("security/publicKey.pem",
                "https://issuer.test").getContextInfo().getIssuedBy());
    }

    @Test
    void shouldKnowLoopbackAddresses() {
        assertTrue(Exposure.isLoopback("127.0.0.1"));
        assertTrue(Exposure.isLoopback("localhost"));
        assertTrue(Exposure.isLoopback("::1"));
        assertTrue(!Exposure.isLoopback("0.0.0.0"));
    }
}
