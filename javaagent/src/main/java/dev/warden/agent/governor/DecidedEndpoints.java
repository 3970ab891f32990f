package dev.warden.agent.governor;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The {@code host:port} endpoints of HTTP requests Warden allowed recently. Asynchronous clients
 * (the JDK's {@code HttpClient}, Apache's async client, Reactor Netty) connect on their own
 * selector and pool threads, far from the thread whose request was decided; a connect there to an
 * endpoint of an allowed request is part of that request and needs no {@code net.connect} allow
 * rule (deny rules still apply to it).
 *
 * <p>Keyed by the host as the request named it and, for IP literals, by the address: a connect is
 * matched by {@code InetSocketAddress.getHostString()} (the name it was resolved from, no reverse
 * lookup) or by its IP address. An entry lasts a minute after the last request allowed to it.
 */
final class DecidedEndpoints {

    private static final long TTL = TimeUnit.MINUTES.toNanos(1);
    private static final int MAX = 4096;

    private static final class Expiry {
        volatile long until;
    }

    private final ConcurrentHashMap<String, Expiry> endpoints = new ConcurrentHashMap<>();

    /** An allowed request to {@code endpoint}; allocates only the first time an endpoint is seen. */
    void allowed(String endpoint, long now) {
        Expiry e = endpoints.get(endpoint);
        if (e == null) {
            if (endpoints.size() >= MAX) {
                endpoints.clear();
            }
            e = endpoints.computeIfAbsent(endpoint, k -> new Expiry());
        }
        e.until = now + TTL;
    }

    boolean recentlyAllowed(String endpoint, long now) {
        Expiry e = endpoints.get(endpoint);
        return e != null && now - e.until < 0;
    }
}
