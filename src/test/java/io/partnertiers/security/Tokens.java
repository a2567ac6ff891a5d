package io.partnertiers.security;

import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.Set;

import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.lang.JoseException;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;

/** Bearer tokens signed with the test key pair under {@code src/test/resources/security}, and ones that must fail. */
final class Tokens {

    static final String ISSUER = "https://partner-tiers.test";

    private Tokens() {
    }

    static String withRoles(String... roles) {
        return Jwt.issuer(ISSUER).upn("caller@partner-tiers.test").groups(Set.of(roles)).expiresIn(300)
                .sign(testKey());
    }

    /**
     * Correctly signed, with {@code groups} set to any JSON text ({@code 1}, {@code {"a":true}},
     * {@code [["a"]]}…), which the token builder would refuse to write.
     */
    static String withGroupsJson(String groups) {
        long now = Instant.now().getEpochSecond();
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload("{\"iss\":\"" + ISSUER + "\",\"upn\":\"caller@partner-tiers.test\",\"iat\":" + now
                + ",\"exp\":" + (now + 300) + ",\"groups\":" + groups + "}");
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        jws.setHeader("typ", "JWT");
        jws.setKey(testKey());
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Correctly signed, without a {@code groups} claim. */
    static String withoutGroups() {
        return Jwt.issuer(ISSUER).upn("caller@partner-tiers.test").expiresIn(300).sign(testKey());
    }

    static String expired(String role) {
        Instant past = Instant.now().minusSeconds(3600);
        return Jwt.issuer(ISSUER).upn("caller@partner-tiers.test").groups(role).issuedAt(past)
                .expiresAt(past.plusSeconds(60)).sign(testKey());
    }

    static String fromAnotherIssuer(String role) {
        return Jwt.issuer("https://someone-else.test").upn("caller@partner-tiers.test").groups(role).expiresIn(300)
                .sign(testKey());
    }

    static String signedByAnotherKey(String role) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return Jwt.issuer(ISSUER).upn("caller@partner-tiers.test").groups(role).expiresIn(300)
                    .sign(generator.generateKeyPair().getPrivate());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static PrivateKey testKey() {
        try {
            return KeyUtils.readPrivateKey("security/privateKey.pem");
        } catch (Exception e) {
            throw new IllegalStateException("Cannot read the test signing key", e);
        }
    }
}
