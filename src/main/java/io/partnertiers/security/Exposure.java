package io.partnertiers.security;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

import org.eclipse.microprofile.config.Config;

import io.quarkus.runtime.LaunchMode;

/**
 * How the service is exposed, read from configuration: whether tokens can be verified (a public
 * key is configured), whether it listens on loopback only, and whether running without
 * authentication beyond loopback was allowed on purpose.
 */
public record Exposure(boolean keyConfigured, String host, boolean loopbackOnly, boolean anonymousAllowed) {

    static final String PUBLIC_KEY_LOCATION = "mp.jwt.verify.publickey.location";
    static final String PUBLIC_KEY = "mp.jwt.verify.publickey";
    static final String SMALLRYE_KEY_LOCATION = "smallrye.jwt.verify.key.location";
    static final String ALLOW_ANONYMOUS = "partner-tiers.security.allow-anonymous";

    public static Exposure of(Config config) {
        // an inline key counts only in production: in dev and test mode Quarkus makes one up when none is configured
        boolean key = present(config.getOptionalValue(PUBLIC_KEY_LOCATION, String.class))
                || present(config.getOptionalValue(SMALLRYE_KEY_LOCATION, String.class))
                || LaunchMode.current() == LaunchMode.NORMAL && present(config.getOptionalValue(PUBLIC_KEY, String.class));
        String host = config.getOptionalValue("quarkus.http.host", String.class).orElse("0.0.0.0");
        return new Exposure(key, host, isLoopback(host),
                config.getOptionalValue(ALLOW_ANONYMOUS, Boolean.class).orElse(false));
    }

    /** No token is checked: every caller has every role. */
    public boolean anonymous() {
        return !keyConfigured;
    }

    /** Anonymous and reachable from other machines without having been allowed to be: the service must not start. */
    public boolean unsafe() {
        return anonymous() && !loopbackOnly && !anonymousAllowed;
    }

    static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static boolean present(Optional<String> value) {
        return value.filter(v -> !v.isBlank()).isPresent();
    }
}
