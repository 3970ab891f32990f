package dev.warden.agent.governor;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

/**
 * A client callback that records the request it belongs to, then hands every call on: made for
 * Apache HttpClient 5's async {@code AsyncExecCallback} ({@code handleResponse(HttpResponse,
 * EntityDetails)}, {@code handleInformationResponse}, {@code completed()}, {@code failed(Exception)}),
 * whose interface lives in the application's class loader, hence a {@link Proxy} of it.
 */
final class RecordingCallback implements InvocationHandler {

    private final Object delegate;
    private final DetachedCall call;
    private final NetworkCalls network;
    private volatile boolean recorded;

    private RecordingCallback(Object delegate, DetachedCall call, NetworkCalls network) {
        this.delegate = delegate;
        this.call = call;
        this.network = network;
    }

    static Object wrap(Object delegate, Class<?> type, DetachedCall call, NetworkCalls network) {
        return Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, new RecordingCallback(delegate, call, network));
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        String name = method.getName();
        if (name.equals("handleResponse") && args != null && args.length > 0 && !recorded) {
            call.frame.status = status(args[0]); // once recorded, the frame is back in the pool
        } else if (name.equals("completed")) {
            once(null);
        } else if (name.equals("failed") && args != null && args.length == 1 && args[0] instanceof Throwable) {
            once((Throwable) args[0]);
        }
        if (delegate == null) {
            return null;
        }
        if (method.getDeclaringClass() == Object.class && name.equals("equals")) {
            return proxy == args[0];
        }
        try {
            return method.invoke(delegate, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private void once(Throwable thrown) {
        if (!recorded) {
            recorded = true;
            network.record(call, thrown);
        }
    }

    /** {@code getCode()} of a response object of the client's own type. */
    private static final ClassValue<MethodHandle> GET_CODE = new ClassValue<>() {
        @Override
        protected MethodHandle computeValue(Class<?> type) {
            // The response's own class may be package-private: look through its public interfaces too.
            java.util.ArrayDeque<Class<?>> todo = new java.util.ArrayDeque<>(java.util.List.of(type));
            while (!todo.isEmpty()) {
                Class<?> c = todo.poll();
                try {
                    return MethodHandles.publicLookup().findVirtual(c, "getCode", MethodType.methodType(int.class))
                            .asType(MethodType.methodType(int.class, Object.class));
                } catch (ReflectiveOperationException | IllegalArgumentException e) {
                    todo.addAll(java.util.Arrays.asList(c.getInterfaces()));
                    if (c.getSuperclass() != null) {
                        todo.add(c.getSuperclass());
                    }
                }
            }
            return null;
        }
    };

    private static int status(Object response) {
        MethodHandle h = response == null ? null : GET_CODE.get(response.getClass());
        if (h == null) {
            return -1;
        }
        try {
            return (int) h.invokeExact(response);
        } catch (Throwable e) {
            return -1;
        }
    }
}
