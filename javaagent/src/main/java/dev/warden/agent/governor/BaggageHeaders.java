package dev.warden.agent.governor;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.net.http.HttpRequest;

/** Puts the {@code baggage} header ({@link Baggage}) on the request objects of the JDK's clients. */
final class BaggageHeaders {

    private static final String NAME = "baggage";

    private BaggageHeaders() {}

    static Object onJdkRequest(Baggage baggage, Object request) {
        if (baggage == null || !(request instanceof HttpRequest)) {
            return request;
        }
        HttpRequest r = (HttpRequest) request;
        String merged = baggage.merge(r.headers().firstValue(NAME).orElse(null));
        return HttpRequest.newBuilder(r, (name, value) -> !name.equalsIgnoreCase(NAME)).header(NAME, merged).build();
    }

    /** {@code sun.net.www.MessageHeader}'s {@code findValue} and {@code set}, exported to Warden at start-up. */
    private static final class MessageHeaderMethods {
        static final MethodHandle FIND;
        static final MethodHandle SET;

        static {
            try {
                Class<?> c = Class.forName("sun.net.www.MessageHeader");
                MethodHandles.Lookup lookup = MethodHandles.lookup();
                FIND = lookup.findVirtual(c, "findValue", MethodType.methodType(String.class, String.class))
                        .asType(MethodType.methodType(String.class, Object.class, String.class));
                SET = lookup.findVirtual(c, "set", MethodType.methodType(void.class, String.class, String.class))
                        .asType(MethodType.methodType(void.class, Object.class, String.class, String.class));
            } catch (ReflectiveOperationException e) {
                throw new ExceptionInInitializerError(e);
            }
        }
    }

    static void onUrlConnection(Baggage baggage, Object messageHeader) throws Throwable {
        if (baggage == null) {
            return;
        }
        String existing = (String) MessageHeaderMethods.FIND.invokeExact(messageHeader, NAME);
        MessageHeaderMethods.SET.invokeExact(messageHeader, NAME, baggage.merge(existing));
    }
}
