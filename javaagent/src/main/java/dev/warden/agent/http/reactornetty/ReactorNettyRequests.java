package dev.warden.agent.http.reactornetty;

import dev.warden.agent.governor.RequestReader;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Reads a Reactor Netty request: its {@code HttpClientConnect.HttpClientHandler}, a package-private
 * class, holds the hop's {@code method} (an {@code HttpMethod}) and {@code toURI} (a
 * {@code UriEndpoint} whose {@code toString} is the absolute URL, and which a followed redirect
 * replaces). Read through {@code VarHandle}s made once per class (Reactor Netty lives in an unnamed
 * module, which is open to Warden).
 */
public final class ReactorNettyRequests implements RequestReader {

    static final String HANDLER = "reactor.netty.http.client.HttpClientConnect$HttpClientHandler";

    private static final ClassValue<VarHandle[]> FIELDS = new ClassValue<>() {
        @Override
        protected VarHandle[] computeValue(Class<?> type) {
            if (!type.getName().equals(HANDLER)) {
                return null;
            }
            try {
                MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(type, MethodHandles.lookup());
                return new VarHandle[] {lookup.findVarHandle(type, "method", type.getDeclaredField("method").getType()),
                        lookup.findVarHandle(type, "toURI", type.getDeclaredField("toURI").getType()),
                        lookup.findVarHandle(type, "proxyProvider", type.getDeclaredField("proxyProvider").getType())};
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("Reactor Netty's " + HANDLER + " has changed: " + e, e);
            }
        }
    };

    @Override
    public String method(Object request) {
        VarHandle[] f = FIELDS.get(request.getClass());
        return f == null ? null : String.valueOf(f[0].getVolatile(request));
    }

    /** {@code ProxyProvider.getProxyAddress()}, a public method of a public class. */
    @Override
    public Object proxy(Object request) throws Throwable {
        VarHandle[] f = FIELDS.get(request.getClass());
        Object provider = f == null ? null : f[2].get(request);
        if (provider == null) {
            return null;
        }
        return MethodHandles.publicLookup().findVirtual(provider.getClass(), "getProxyAddress",
                java.lang.invoke.MethodType.methodType(java.net.SocketAddress.class)).invoke(provider);
    }

    @Override
    public Object url(Object request) {
        VarHandle[] f = FIELDS.get(request.getClass());
        return f == null ? null : f[1].getVolatile(request);
    }
}
