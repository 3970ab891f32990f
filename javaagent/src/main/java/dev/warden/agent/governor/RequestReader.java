package dev.warden.agent.governor;

/**
 * Reads the method and URL of a client's request object that advice cannot read itself (a
 * package-private class of the library). Registered per client code ({@code Gate.CLIENT_*}).
 */
public interface RequestReader {

    String method(Object request) throws Throwable;

    /** The absolute URL ({@code String}, {@code URI} or {@code URL}); the object identifies the hop. */
    Object url(Object request) throws Throwable;

    /** The proxy the request goes through ({@code InetSocketAddress}), or {@code null}. */
    default Object proxy(Object request) throws Throwable {
        return null;
    }

    /** The readers by client code; filled at start-up. */
    RequestReader[] BY_CLIENT = new RequestReader[4];
}
