package io.partnertiers.api;

import java.lang.annotation.ElementType;

import jakarta.inject.Singleton;
import jakarta.validation.Path;
import jakarta.validation.TraversableResolver;

/**
 * Bean Validation asks, before each property it checks or cascades into, whether the persistence
 * layer has loaded it (for lazy JPA associations). What is validated here are request bodies, plain
 * records that are always whole, and the one entity has no associations: every property is
 * reachable, and not asking saves a lookup per item of a profile, thousands in a batch. Quarkus
 * uses this bean for its validator; the command-line runs configure it themselves.
 */
@Singleton
public class EveryPropertyReachable implements TraversableResolver {

    @Override
    public boolean isReachable(Object traversableObject, Path.Node traversableProperty, Class<?> rootBeanType,
            Path pathToTraversableObject, ElementType elementType) {
        return true;
    }

    @Override
    public boolean isCascadable(Object traversableObject, Path.Node traversableProperty, Class<?> rootBeanType,
            Path pathToTraversableObject, ElementType elementType) {
        return true;
    }
}
