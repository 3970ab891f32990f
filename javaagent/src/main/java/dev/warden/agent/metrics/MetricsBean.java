package dev.warden.agent.metrics;

import java.lang.management.ManagementFactory;
import java.util.Map;
import java.util.TreeMap;
import javax.management.ObjectName;

/** The JMX face of {@link Metrics}. */
public final class MetricsBean implements WardenMetricsMXBean {

    private final Metrics metrics;

    private MetricsBean(Metrics metrics) {
        this.metrics = metrics;
    }

    /** Registers the bean in the platform MBean server; returns its name. */
    public static ObjectName register(Metrics metrics) throws Exception {
        ObjectName name = new ObjectName("dev.warden:type=Agent,name=" + ObjectName.quote(metrics.agent));
        ManagementFactory.getPlatformMBeanServer().registerMBean(new MetricsBean(metrics), name);
        return name;
    }

    @Override
    public Map<String, Long> getDecisions() {
        return metrics.decisions();
    }

    @Override
    public Map<String, Long> getDenialsByRule() {
        return metrics.denialsByRule();
    }

    @Override
    public Map<String, String> getLimits() {
        Map<String, String> out = new TreeMap<>();
        metrics.limits().forEach((rule, u) -> out.put(rule, u.used() + "/" + u.limit()));
        return out;
    }

    @Override
    public String getBreaker() {
        return metrics.breaker();
    }
}
