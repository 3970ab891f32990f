package dev.warden.agent.log;

import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.helpers.NOPMDCAdapter;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * Warden's own SLF4J backend, found through {@code META-INF/services}. In the agent jar SLF4J is
 * relocated (and the services file with it), so this serves Warden's code and its Chronicle only and
 * never competes with the application's logging. Without it SLF4J would print its "no providers"
 * warning into the application's stderr.
 */
public final class WardenLogServiceProvider implements SLF4JServiceProvider {

    /** The SLF4J API line this provider is written against. */
    private static final String API_VERSION = "2.0.99";

    private ILoggerFactory loggerFactory;
    private final IMarkerFactory markerFactory = new BasicMarkerFactory();
    private final MDCAdapter mdcAdapter = new NOPMDCAdapter();

    @Override
    public void initialize() {
        loggerFactory = new WardenLoggerFactory(LogLevel.threshold());
    }

    @Override
    public ILoggerFactory getLoggerFactory() {
        return loggerFactory;
    }

    @Override
    public IMarkerFactory getMarkerFactory() {
        return markerFactory;
    }

    @Override
    public MDCAdapter getMDCAdapter() {
        return mdcAdapter;
    }

    @Override
    public String getRequestedApiVersion() {
        return API_VERSION;
    }
}
