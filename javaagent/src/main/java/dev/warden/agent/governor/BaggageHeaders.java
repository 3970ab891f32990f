package dev.warden.agent.governor;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.net.http.HttpRequest;

/** Puts the {@code baggage} header ({@link Baggage}) on the request objects of the JDK's clients and Apache HttpClient 5's. */
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

    /** A {@code sun.net.www.MessageHeader} or an Apache HttpClient 5 {@code HttpMessage}. */
    static void into(Baggage baggage, Object message) throws Throwable {
        if (baggage == null) {
            return;
        }
        if (message.getClass().getName().equals("sun.net.www.MessageHeader")) {
            String existing = (String) MessageHeaderMethods.FIND.invokeExact(message, NAME);
            MessageHeaderMethods.SET.invokeExact(message, NAME, baggage.merge(existing));
            return;
        }
        MethodHandle[] apache = APACHE5.get(message.getClass());
        if (apache == null) {
            return;
        }
        Object[] headers = (Object[]) apache[0].invokeExact(message, NAME);
        StringBuilder existing = new StringBuilder();
        for (Object header : headers) {
            existing.append(existing.length() == 0 ? "" : ",").append((String) apache[1].invokeExact(header));
        }
        String merged = baggage.merge(existing.length() == 0 ? null : existing.toString());
        apache[2].invokeExact(message, NAME); // setHeader would replace the first line only
        apache[3].invokeExact(message, NAME, (Object) merged);
    }

    /**
     * Apache HttpClient 5's {@code HttpMessage.getHeaders(String)}, {@code Header.getValue()},
     * {@code HttpMessage.removeHeaders(String)} and {@code addHeader(String, Object)}, from the
     * message's own class loader (the application's); {@code null} for a class that is no such message.
     */
    private static final ClassValue<MethodHandle[]> APACHE5 = new ClassValue<>() {
        @Override
        protected MethodHandle[] computeValue(Class<?> type) {
            Class<?> message;
            Class<?> header;
            try {
                message = Class.forName("org.apache.hc.core5.http.HttpMessage", false, type.getClassLoader());
                header = Class.forName("org.apache.hc.core5.http.Header", false, type.getClassLoader());
            } catch (ClassNotFoundException | LinkageError e) {
                return null;
            }
            if (!message.isAssignableFrom(type)) {
                return null;
            }
            try {
                MethodHandles.Lookup lookup = MethodHandles.publicLookup();
                return new MethodHandle[] {
                    lookup.findVirtual(message, "getHeaders", MethodType.methodType(header.arrayType(), String.class))
                            .asType(MethodType.methodType(Object[].class, Object.class, String.class)),
                    lookup.findVirtual(header, "getValue", MethodType.methodType(String.class))
                            .asType(MethodType.methodType(String.class, Object.class)),
                    // by name, whatever it returns (boolean in HttpCore 5.1 to 5.4): the result is dropped
                    lookup.unreflect(message.getMethod("removeHeaders", String.class))
                            .asType(MethodType.methodType(void.class, Object.class, String.class)),
                    lookup.findVirtual(message, "addHeader", MethodType.methodType(void.class, String.class, Object.class))
                            .asType(MethodType.methodType(void.class, Object.class, String.class, Object.class))};
            } catch (ReflectiveOperationException e) {
                // an HttpCore whose messages Warden cannot read: said (and the request sent without) by the governor
                throw new IllegalStateException("Apache HttpCore 5's HttpMessage has changed: " + e, e);
            }
        }
    };
}
