package io.partnertiers.security;

import java.util.List;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

import org.eclipse.microprofile.jwt.Claims;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.JwtContext;

import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.DefaultJWTTokenParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.ParseException;

/**
 * SmallRye JWT's own factory, except that a correctly signed token whose {@code groups} claim is
 * not a string or an array of strings ({@code 1}, {@code true}, {@code {...}}, {@code [["a"]]}) is
 * a bad token (401), where SmallRye would throw a ClassCastException (500) or read the nested array
 * as a role named {@code [a]}. A token without {@code groups} stays valid and holds no role (403).
 */
@ApplicationScoped
@Alternative
@Priority(1)
public class GroupsCheckingPrincipalFactory extends JWTCallerPrincipalFactory {

    private final DefaultJWTTokenParser parser = new DefaultJWTTokenParser();

    @Override
    public JWTCallerPrincipal parse(String token, JWTAuthContextInfo authContextInfo) throws ParseException {
        JwtContext context;
        try {
            context = parser.parse(token, authContextInfo);
        } catch (RuntimeException e) {
            // PrincipalUtils casts the groups claim to a List once the signature is checked
            throw new ParseException("The token's groups claim must be an array of strings", e);
        }
        JwtClaims claims = context.getJwtClaims();
        Object groups = claims.getClaimValue(Claims.groups.name());
        if (groups != null && !(groups instanceof List<?> list && list.stream().allMatch(String.class::isInstance))) {
            throw new ParseException("The token's groups claim must be an array of strings");
        }
        String type = context.getJoseObjects().get(0).getHeader("typ");
        return new DefaultJWTCallerPrincipal(type, claims);
    }
}
