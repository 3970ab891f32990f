package dev.warden.agent.metrics;

import java.util.Map;

/**
 * Warden's counters over JMX, one bean per agent: {@code dev.warden:type=Agent,name=<agent id>}.
 * An MXBean, so any JMX console reads it without Warden's classes.
 */
public interface WardenMetricsMXBean {

    /** Decisions by {@code family/decision} ({@code sql/deny}). */
    Map<String, Long> getDecisions();

    /** Denials by the rule (or mechanism) that decided them. */
    Map<String, Long> getDenialsByRule();

    /** Each rule with a {@code limit}: {@code used/count per window}, e.g. {@code 3/5 per 1m}. */
    Map<String, String> getLimits();

    /** The circuit breaker: {@code off}, {@code closed} or {@code open (N s left)}. */
    String getBreaker();
}
