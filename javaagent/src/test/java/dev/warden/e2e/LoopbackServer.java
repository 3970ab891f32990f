package dev.warden.e2e;

import java.util.List;

/** A test server on loopback that keeps every request it received. */
interface LoopbackServer extends AutoCloseable {

    /** {@code http://127.0.0.1:PORT} (or https). */
    String base();

    List<LoopbackHttpServer.Request> requests();
}
