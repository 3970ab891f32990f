package dev.warden.agent.governor;

import java.util.function.BiConsumer;

/**
 * An HTTP request's frame taken off the thread that decided it: its record is written where its
 * response arrives (another method, another thread). Pooled by {@link DetachedCalls}: taken when a
 * request leaves its thread, given back once its record is written.
 *
 * <p>It is also the JDK client's completion ({@link java.util.concurrent.CompletableFuture#whenComplete}
 * takes a {@code BiConsumer}): a pooled object rather than a lambda made per request. The future
 * runs it once and drops its reference when it has.
 */
final class DetachedCall implements BiConsumer<Object, Throwable> {

    final CallFrame frame = new CallFrame();
    /** What the record waits for in {@link PendingCalls}: the hop's request or connection. */
    Object key;
    private final NetworkCalls network;

    DetachedCall(NetworkCalls network) {
        this.network = network;
    }

    @Override
    public void accept(Object response, Throwable thrown) {
        network.completeAsync(this, response, thrown);
    }
}
