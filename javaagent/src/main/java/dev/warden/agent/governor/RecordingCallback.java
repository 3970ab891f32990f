package dev.warden.agent.governor;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.concurrent.CancellationException;

/**
 * A client callback that records the request it belongs to, then hands every call on: made for
 * Apache HttpClient 5's async {@code AsyncExecCallback} ({@code handleResponse(HttpResponse,
 * EntityDetails)}, {@code handleInformationResponse}, {@code completed()}, {@code failed(Exception)})
 * and, for the minimal async clients, its {@code AsyncClientExchangeHandler}
 * ({@code consumeResponse(HttpResponse, EntityDetails, HttpContext)}, {@code streamEnd},
 * {@code failed(Exception)}, {@code cancel()}, {@code releaseResources()}, and the body's
 * {@code produce}/{@code consume} calls, handed on untouched), whose interfaces live in the
 * application's class loader, hence a {@link Proxy} of them.
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
        int meaning = meaning(name, args);
        if ((meaning == RESPONSE || meaning == LAST_RESPONSE) && !recorded) {
            call.frame.status = status(args[0]); // once recorded, the frame is back in the pool
        }
        if (meaning == LAST_RESPONSE || meaning == DONE) {
            once(null);
        } else if (meaning == FAILED) {
            once((Throwable) args[0]);
        } else if (meaning == CANCELLED) {
            once(new CancellationException("request cancelled"));
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

    static final int NOTHING = 0;
    /** The final response's head: its status; a body may follow. */
    static final int RESPONSE = 1;
    /** The final response's head, and nothing follows (an exchange handler's response without entity). */
    static final int LAST_RESPONSE = 2;
    static final int DONE = 3;
    static final int FAILED = 4;
    static final int CANCELLED = 5;

    /** What a call of {@code name} with {@code args} on the callback means for the request's record. */
    static int meaning(String name, Object[] args) {
        int count = args == null ? 0 : args.length;
        switch (name) {
            case "handleResponse":
                return count > 0 ? RESPONSE : NOTHING;
            case "consumeResponse":
                return count != 3 ? NOTHING : args[1] == null ? LAST_RESPONSE : RESPONSE;
            case "completed":
            case "streamEnd":
                return DONE;
            case "releaseResources":
                return DONE; // the end of every exchange: records one that ended without the calls above
            case "failed":
                return count == 1 && args[0] instanceof Throwable ? FAILED : NOTHING;
            case "cancel":
                return count == 0 ? CANCELLED : NOTHING;
            default:
                return NOTHING;
        }
    }

    /** {@code callback}, if one of these, will never be called: the client failed with {@code thrown} before handing it on. */
    static void unused(Object callback, Throwable thrown) {
        RecordingCallback recording = of(callback);
        if (recording != null) {
            recording.once(thrown);
        }
    }

    /** The recording behind {@code callback}, or {@code null} when it is none of Warden's. */
    static RecordingCallback of(Object callback) {
        if (callback != null && Proxy.isProxyClass(callback.getClass())) {
            InvocationHandler h = Proxy.getInvocationHandler(callback);
            return h instanceof RecordingCallback ? (RecordingCallback) h : null;
        }
        return null;
    }

    /** Writes the record once, however many of the calls above arrive, and on whichever threads (a cancel beside the I/O thread's end). */
    private void once(Throwable thrown) {
        synchronized (this) {
            if (recorded) {
                return;
            }
            recorded = true;
        }
        network.record(call, thrown);
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
