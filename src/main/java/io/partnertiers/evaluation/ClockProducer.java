package io.partnertiers.evaluation;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** The clock behind the default {@code asOf}: UTC, as the contract says. */
@ApplicationScoped
class ClockProducer {

    @Produces
    @ApplicationScoped
    Clock utc() {
        return Clock.systemUTC();
    }
}
