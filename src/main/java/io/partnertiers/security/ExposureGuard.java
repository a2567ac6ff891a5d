package io.partnertiers.security;

import java.util.Optional;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;

/**
 * Refuses to start a service that would answer anyone on the network without checking tokens,
 * or one whose token key cannot be read (every protected call would fail), and says once, at
 * start, when authentication is off.
 */
@ApplicationScoped
class ExposureGuard {

    private static final Logger LOG = Logger.getLogger(ExposureGuard.class);

    @Inject
    Instance<JWTAuthContextInfo> tokenSettings;

    void onStart(@Observes StartupEvent event) {
        Exposure exposure = Exposure.of(ConfigProvider.getConfig());
        check(exposure).ifPresent(LOG::warn);
        if (exposure.keyConfigured()) {
            // SmallRye reads the key on the first protected call; a missing file would make each one a 500
            checkKeyReadable(() -> tokenSettings.get().getIssuedBy());
        }
    }

    /** @throws IllegalStateException when the configured token key cannot be read */
    static void checkKeyReadable(Supplier<?> readKey) {
        try {
            readKey.get();
        } catch (RuntimeException e) {
            Throwable cause = e;
            while (cause.getCause() != null && cause.getCause() != cause) {
                cause = cause.getCause();
            }
            throw new IllegalStateException("Refusing to start: the token key cannot be read (" + e.getMessage()
                    + (cause == e ? "" : ": " + cause) + "), so no token could be checked. Make "
                    + Exposure.PUBLIC_KEY_LOCATION + " (MP_JWT_VERIFY_PUBLICKEY_LOCATION) name a readable public key"
                    + " file (PEM or JWK).", e);
        }
    }

    /**
     * @return the one warning to log, if any
     * @throws IllegalStateException when the service must not start
     */
    static Optional<String> check(Exposure exposure) {
        if (exposure.unsafe()) {
            throw new IllegalStateException("Refusing to start: no token key is configured (set "
                    + Exposure.PUBLIC_KEY_LOCATION + " and mp.jwt.verify.issuer, or MP_JWT_VERIFY_PUBLICKEY_LOCATION and"
                    + " MP_JWT_VERIFY_ISSUER), so anyone could call every endpoint, and quarkus.http.host="
                    + exposure.host() + " is reachable beyond this machine. Configure a key, listen on 127.0.0.1, or set "
                    + Exposure.ALLOW_ANONYMOUS + "=true if that is really intended.");
        }
        if (exposure.anonymous() && exposure.loopbackOnly()) {
            return Optional.of("Authentication is off (no " + Exposure.PUBLIC_KEY_LOCATION
                    + " configured): every caller has every role, and the service listens on " + exposure.host()
                    + " only. Configure a key before exposing it (README, Security).");
        }
        if (exposure.anonymous()) {
            return Optional.of("Authentication is off (no " + Exposure.PUBLIC_KEY_LOCATION
                    + " configured) and the service listens on " + exposure.host() + ", as "
                    + Exposure.ALLOW_ANONYMOUS + "=true allows: anyone who reaches it has every role.");
        }
        return Optional.empty();
    }
}
