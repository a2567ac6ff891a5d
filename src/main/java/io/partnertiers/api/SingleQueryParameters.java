package io.partnertiers.api;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Each query parameter once, with a value: {@code page=1&page=2} or {@code explain=true&explain=false}
 * would otherwise be read as the first one, and {@code size=} or a bare {@code explain} as absent
 * (so {@code unload=} would reload every program); both are a 400 naming the parameter.
 */
class SingleQueryParameters {

    @ServerRequestFilter
    public void check(UriInfo uri) {
        for (Map.Entry<String, List<String>> parameter : uri.getQueryParameters().entrySet()) {
            String name = ProblemMappers.printable(parameter.getKey());
            List<String> values = parameter.getValue();
            if (values.size() > 1) {
                throw new InvalidParameterException(name, "is given " + values.size() + " times; give it once");
            }
            if (values.isEmpty() || values.get(0).isEmpty()) {
                throw new InvalidParameterException(name, "has no value; give one or leave the parameter out");
            }
        }
    }
}
